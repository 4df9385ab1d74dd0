using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DfeReturnReadFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_ServiceAreaId_JobRoleId_StartDate_Status_ActualEndDate_PlannedEndDate",
                table: "Placements");
            migrationBuilder.Sql(InPostIndex.SqlServer);

            migrationBuilder.CreateIndex(
                name: "IX_Requisitions_IsProjectTeam",
                table: "Requisitions",
                column: "IsProjectTeam");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRateChanges_EffectiveFrom",
                table: "PlacementRateChanges",
                column: "EffectiveFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: InPostIndex.Name, table: "Placements");
            migrationBuilder.DropIndex(
                name: "IX_Requisitions_IsProjectTeam",
                table: "Requisitions");

            migrationBuilder.DropIndex(
                name: "IX_PlacementRateChanges_EffectiveFrom",
                table: "PlacementRateChanges");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ServiceAreaId_JobRoleId_StartDate_Status_ActualEndDate_PlannedEndDate",
                table: "Placements",
                columns: new[] { "ServiceAreaId", "JobRoleId", "StartDate", "Status", "ActualEndDate", "PlannedEndDate" });
        }
    }
}
