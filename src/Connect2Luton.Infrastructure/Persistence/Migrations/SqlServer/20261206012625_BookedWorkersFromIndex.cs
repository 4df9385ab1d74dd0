using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BookedWorkersFromIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_Status_PlannedEndDate",
                table: "Placements");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Status_PlannedEndDate_StartDate_WorkerId",
                table: "Placements",
                columns: new[] { "Status", "PlannedEndDate", "StartDate", "WorkerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_Status_PlannedEndDate_StartDate_WorkerId",
                table: "Placements");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Status_PlannedEndDate",
                table: "Placements",
                columns: new[] { "Status", "PlannedEndDate" });
        }
    }
}
