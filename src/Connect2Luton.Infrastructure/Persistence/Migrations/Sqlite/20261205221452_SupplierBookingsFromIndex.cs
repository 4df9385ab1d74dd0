using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplierBookingsFromIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SupplierBookingsIndex.FirstSqlite);
            // Analysed now, as the planner would otherwise guess about it (see DfeReturnReadFromIndexes).
            migrationBuilder.Sql("""ANALYZE "IX_Placements_SupplierBookings";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: SupplierBookingsIndex.Name, table: "Placements");
        }
    }
}
