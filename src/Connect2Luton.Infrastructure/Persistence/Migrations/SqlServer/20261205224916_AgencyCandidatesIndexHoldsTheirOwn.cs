using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
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
                filter: "[KeptByAgency] = 1 AND [IsActive] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_SupplyAgencyId",
                table: "Workers",
                column: "SupplyAgencyId");
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
