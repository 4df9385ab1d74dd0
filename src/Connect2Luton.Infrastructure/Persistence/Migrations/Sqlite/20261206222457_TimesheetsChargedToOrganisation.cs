using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimesheetsChargedToOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HiringOrganisationId",
                table: "Timesheets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // Weeks entered before were charged to their service's organisation as it stands.
            migrationBuilder.Sql("""UPDATE "Timesheets" SET "HiringOrganisationId" = (SELECT "HiringOrganisationId" FROM "ServiceAreas" WHERE "ServiceAreas"."Id" = "Timesheets"."ServiceAreaId");""");

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_HiringOrganisationId_WeekStart",
                table: "Timesheets",
                columns: new[] { "HiringOrganisationId", "WeekStart" });

            migrationBuilder.AddForeignKey(
                name: "FK_Timesheets_HiringOrganisations_HiringOrganisationId",
                table: "Timesheets",
                column: "HiringOrganisationId",
                principalTable: "HiringOrganisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Timesheets_HiringOrganisations_HiringOrganisationId",
                table: "Timesheets");

            migrationBuilder.DropIndex(
                name: "IX_Timesheets_HiringOrganisationId_WeekStart",
                table: "Timesheets");

            migrationBuilder.DropColumn(
                name: "HiringOrganisationId",
                table: "Timesheets");
        }
    }
}
