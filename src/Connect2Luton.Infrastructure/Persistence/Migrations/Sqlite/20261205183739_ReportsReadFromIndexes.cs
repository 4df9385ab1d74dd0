using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsReadFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The last migration rebuilt the table with the hours copied over as numbers (37.5); they are kept as
            // whole hundredths (3750). A migration of its own, as SQLite rebuilds a table after a migration's SQL.
            migrationBuilder.Sql("""UPDATE "Placements" SET "WeeklyHours" = CAST(ROUND(CAST("WeeklyHours" AS REAL) * 100) AS INTEGER);""");
            migrationBuilder.Sql(LiveMoneyIndex.Sqlite);

            migrationBuilder.CreateIndex(
                name: "IX_ConversionPrompts_RaisedOn_ServiceAreaId",
                table: "ConversionPrompts",
                columns: new[] { "RaisedOn", "ServiceAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversionPromptActions_At_Outcome_ConversionPromptId",
                table: "ConversionPromptActions",
                columns: new[] { "At", "Outcome", "ConversionPromptId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: LiveMoneyIndex.Name, table: "Placements");
            migrationBuilder.Sql("""UPDATE "Placements" SET "WeeklyHours" = "WeeklyHours" / 100.0;""");

            migrationBuilder.DropIndex(
                name: "IX_ConversionPrompts_RaisedOn_ServiceAreaId",
                table: "ConversionPrompts");

            migrationBuilder.DropIndex(
                name: "IX_ConversionPromptActions_At_Outcome_ConversionPromptId",
                table: "ConversionPromptActions");
        }
    }
}
