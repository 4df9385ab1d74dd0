using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RuleVersionNumbersAndChangeSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "RuleFileVersions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ChangeSignals",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeSignals", x => x.Kind);
                });

            // Versions already recorded are numbered in the order they were recorded, within their rule set.
            migrationBuilder.Sql(
                "UPDATE RuleFileVersions SET Number = (SELECT COUNT(*) FROM RuleFileVersions AS earlier " +
                "WHERE earlier.RuleSet = RuleFileVersions.RuleSet AND earlier.Id <= RuleFileVersions.Id)");

            migrationBuilder.CreateIndex(
                name: "IX_RuleFileVersions_RuleSet_Number",
                table: "RuleFileVersions",
                columns: new[] { "RuleSet", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeSignals");

            migrationBuilder.DropIndex(
                name: "IX_RuleFileVersions_RuleSet_Number",
                table: "RuleFileVersions");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "RuleFileVersions");
        }
    }
}
