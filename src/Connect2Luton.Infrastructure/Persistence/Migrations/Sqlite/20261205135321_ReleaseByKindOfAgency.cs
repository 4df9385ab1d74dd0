using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReleaseByKindOfAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReleasedAgencies");

            migrationBuilder.CreateTable(
                name: "ReleasedProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierReleaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequisitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OnDps = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfirmsDfeAgencyRules = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleasedProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReleasedProfiles_SupplierReleases_SupplierReleaseId",
                        column: x => x.SupplierReleaseId,
                        principalTable: "SupplierReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedProfiles_RequisitionId",
                table: "ReleasedProfiles",
                column: "RequisitionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedProfiles_SupplierReleaseId_Tier_OnDps_ConfirmsDfeAgencyRules",
                table: "ReleasedProfiles",
                columns: new[] { "SupplierReleaseId", "Tier", "OnDps", "ConfirmsDfeAgencyRules" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedProfiles_Tier_OnDps_ConfirmsDfeAgencyRules_ReleasedAt_RequisitionId",
                table: "ReleasedProfiles",
                columns: new[] { "Tier", "OnDps", "ConfirmsDfeAgencyRules", "ReleasedAt", "RequisitionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReleasedProfiles");

            migrationBuilder.CreateTable(
                name: "ReleasedAgencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequisitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierReleaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplyAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleasedAgencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReleasedAgencies_SupplierReleases_SupplierReleaseId",
                        column: x => x.SupplierReleaseId,
                        principalTable: "SupplierReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReleasedAgencies_SupplyAgencies_SupplyAgencyId",
                        column: x => x.SupplyAgencyId,
                        principalTable: "SupplyAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedAgencies_SupplierReleaseId_SupplyAgencyId",
                table: "ReleasedAgencies",
                columns: new[] { "SupplierReleaseId", "SupplyAgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedAgencies_SupplyAgencyId_ReleasedAt_RequisitionId",
                table: "ReleasedAgencies",
                columns: new[] { "SupplyAgencyId", "ReleasedAt", "RequisitionId" });
        }
    }
}
