using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommittedWeekAndRefusedDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Refused",
                table: "RuleDecisions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WeeklyCharge",
                table: "Placements",
                type: "INTEGER",
                precision: 16,
                scale: 6,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WeeklyMargin",
                table: "Placements",
                type: "INTEGER",
                precision: 16,
                scale: 6,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WeeklyPayAndStatutoryCosts",
                table: "Placements",
                type: "INTEGER",
                precision: 16,
                scale: 6,
                nullable: false,
                defaultValue: 0L);

            // Placements booked before these columns: their week worked out from the rates and hours already kept.
            // Text decimals are multiplied as doubles here, which is exact once rounded to the millionth: the
            // products are far below the 2^53 at which a double stops holding whole millionths.
            migrationBuilder.Sql("""
                UPDATE "Placements" SET
                    "WeeklyCharge" = CAST(ROUND(CAST("ChargeRate" AS REAL) * CAST("WeeklyHours" AS REAL) * 1000000) AS INTEGER),
                    "WeeklyMargin" = CAST(ROUND(CAST("Margin" AS REAL) * CAST("WeeklyHours" AS REAL) * 1000000) AS INTEGER),
                    "WeeklyPayAndStatutoryCosts" = CAST(ROUND((CAST("PayRate" AS REAL) + CAST("HolidayPay" AS REAL) + CAST("EmployerNationalInsurance" AS REAL)) * CAST("WeeklyHours" AS REAL) * 1000000) AS INTEGER);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_RuleDecisions_Refused_DecidedAt",
                table: "RuleDecisions",
                columns: new[] { "Refused", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RuleDecisions_Refused_DecidedAt",
                table: "RuleDecisions");

            migrationBuilder.DropColumn(
                name: "Refused",
                table: "RuleDecisions");

            migrationBuilder.DropColumn(
                name: "WeeklyCharge",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "WeeklyMargin",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "WeeklyPayAndStatutoryCosts",
                table: "Placements");
        }
    }
}
