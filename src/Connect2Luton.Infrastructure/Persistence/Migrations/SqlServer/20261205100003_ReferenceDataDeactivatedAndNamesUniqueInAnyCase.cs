using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReferenceDataDeactivatedAndNamesUniqueInAnyCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every service and role there is was in use: it stays offered. (Names are already unique in any case
            // under SQL Server's case-insensitive collation; only SQLite needed its columns changed.)
            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "ServiceAreas",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "JobRoles",
                type: "bit",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "ServiceAreas");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "JobRoles");
        }
    }
}
