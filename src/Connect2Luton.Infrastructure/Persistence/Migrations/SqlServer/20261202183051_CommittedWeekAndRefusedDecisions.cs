using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "WeeklyCharge",
                table: "Placements",
                type: "decimal(16,6)",
                precision: 16,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "WeeklyMargin",
                table: "Placements",
                type: "decimal(16,6)",
                precision: 16,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "WeeklyPayAndStatutoryCosts",
                table: "Placements",
                type: "decimal(16,6)",
                precision: 16,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            // Placements booked before these columns: their week worked out from the rates and hours already kept.
            migrationBuilder.Sql("""
                UPDATE [Placements] SET
                    [WeeklyCharge] = [ChargeRate] * [WeeklyHours],
                    [WeeklyMargin] = [Margin] * [WeeklyHours],
                    [WeeklyPayAndStatutoryCosts] = ([PayRate] + [HolidayPay] + [EmployerNationalInsurance]) * [WeeklyHours];
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
