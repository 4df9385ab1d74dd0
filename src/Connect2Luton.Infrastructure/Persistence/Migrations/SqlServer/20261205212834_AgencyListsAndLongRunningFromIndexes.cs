using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgencyListsAndLongRunningFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The spend report's long-running list is read from the live money index once it holds the worker and charge rate.
            migrationBuilder.DropIndex(name: LiveMoneyIndex.Name, table: "Placements");
            migrationBuilder.Sql(LiveMoneyIndex.SqlServerWithLongRunning);

            migrationBuilder.DropIndex(
                name: "IX_Workers_SupplyAgencyId",
                table: "Workers");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_SupplyAgencyId_LastName_FirstName",
                table: "Workers",
                columns: new[] { "SupplyAgencyId", "LastName", "FirstName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: LiveMoneyIndex.Name, table: "Placements");
            migrationBuilder.Sql(LiveMoneyIndex.SqlServer);

            migrationBuilder.DropIndex(
                name: "IX_Workers_SupplyAgencyId_LastName_FirstName",
                table: "Workers");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_SupplyAgencyId",
                table: "Workers",
                column: "SupplyAgencyId");
        }
    }
}
