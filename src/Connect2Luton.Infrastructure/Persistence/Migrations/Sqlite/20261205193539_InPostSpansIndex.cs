using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InPostSpansIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Placements_ServiceAreaId_JobRoleId_StartDate_Status_ActualEndDate_PlannedEndDate",
                table: "Placements",
                columns: new[] { "ServiceAreaId", "JobRoleId", "StartDate", "Status", "ActualEndDate", "PlannedEndDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_ServiceAreaId_JobRoleId_StartDate_Status_ActualEndDate_PlannedEndDate",
                table: "Placements");
        }
    }
}
