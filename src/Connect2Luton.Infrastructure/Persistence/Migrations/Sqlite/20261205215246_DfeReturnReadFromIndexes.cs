using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
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
            migrationBuilder.Sql(InPostIndex.Sqlite);

            migrationBuilder.CreateIndex(
                name: "IX_Requisitions_IsProjectTeam",
                table: "Requisitions",
                column: "IsProjectTeam");

            migrationBuilder.CreateIndex(
                name: "IX_PlacementRateChanges_EffectiveFrom",
                table: "PlacementRateChanges",
                column: "EffectiveFrom");
            // New indexes have no statistics until analysed, and the planner guesses without them: these are read at
            // volume, so they are analysed now (a second or two over a million placements) rather than at some later
            // ANALYZE. SQL Server keeps its own statistics.
            migrationBuilder.Sql("""ANALYZE "IX_Placements_InPost"; ANALYZE "IX_Placements_LiveMoney"; ANALYZE "IX_Workers_SupplyAgencyId_LastName_FirstName"; ANALYZE "Requisitions";""");
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
