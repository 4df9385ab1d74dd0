using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportsReadFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LiveMoneyIndex.SqlServer);

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

            migrationBuilder.DropIndex(
                name: "IX_ConversionPrompts_RaisedOn_ServiceAreaId",
                table: "ConversionPrompts");

            migrationBuilder.DropIndex(
                name: "IX_ConversionPromptActions_At_Outcome_ConversionPromptId",
                table: "ConversionPromptActions");
        }
    }
}
