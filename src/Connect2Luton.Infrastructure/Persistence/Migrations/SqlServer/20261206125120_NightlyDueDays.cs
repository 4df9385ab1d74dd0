using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NightlyDueDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NightlyBases",
                columns: table => new
                {
                    Check = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightlyBases", x => x.Check);
                });

            migrationBuilder.CreateTable(
                name: "NightlyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WorkerId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightlyChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NightlyDues",
                columns: table => new
                {
                    Check = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PlacementId = table.Column<int>(type: "int", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReadFrom = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightlyDues", x => new { x.Check, x.PlacementId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_NightlyChanges_At",
                table: "NightlyChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_NightlyChanges_WorkerId_At",
                table: "NightlyChanges",
                columns: new[] { "WorkerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NightlyBases");

            migrationBuilder.DropTable(
                name: "NightlyChanges");

            migrationBuilder.DropTable(
                name: "NightlyDues");
        }
    }
}
