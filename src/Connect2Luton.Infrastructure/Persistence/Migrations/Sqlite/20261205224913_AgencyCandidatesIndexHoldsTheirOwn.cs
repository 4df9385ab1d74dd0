using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyCandidatesIndexHoldsTheirOwn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Workers_SupplyAgencyId_LastName_FirstName",
                table: "Workers");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_AgencyCandidates",
                table: "Workers",
                columns: new[] { "SupplyAgencyId", "LastName", "FirstName", "KeptByAgency", "IsActive" },
                filter: "\"KeptByAgency\" AND \"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_SupplyAgencyId",
                table: "Workers",
                column: "SupplyAgencyId");
            // Analysed now, as the planner would otherwise guess about them (see DfeReturnReadFromIndexes).
            migrationBuilder.Sql("""ANALYZE "IX_Workers_AgencyCandidates"; ANALYZE "IX_Workers_SupplyAgencyId";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Workers_AgencyCandidates",
                table: "Workers");

            migrationBuilder.DropIndex(
                name: "IX_Workers_SupplyAgencyId",
                table: "Workers");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_SupplyAgencyId_LastName_FirstName",
                table: "Workers",
                columns: new[] { "SupplyAgencyId", "LastName", "FirstName" });
        }
    }
}
