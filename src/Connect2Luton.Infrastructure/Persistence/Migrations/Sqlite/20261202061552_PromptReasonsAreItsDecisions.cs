using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromptReasonsAreItsDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A prompt's reasons are now its decision's passed rules, and its decision is about its placement.
            migrationBuilder.Sql(
                "UPDATE RuleDecisions SET PlacementId = (SELECT c.PlacementId FROM ConversionPrompts c WHERE c.DecisionId = RuleDecisions.Id) " +
                "WHERE PlacementId IS NULL AND Id IN (SELECT DecisionId FROM ConversionPrompts);");

            migrationBuilder.DropColumn(
                name: "Reasons",
                table: "ConversionPrompts");

            migrationBuilder.AlterColumn<long>(
                name: "DecisionId",
                table: "ConversionPrompts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "DecisionId",
                table: "ConversionPrompts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Reasons",
                table: "ConversionPrompts",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");
        }
    }
}
