using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkerDistrictOnPlacements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorkerPostcodeDistrict",
                table: "Placements",
                type: "TEXT",
                maxLength: 4,
                nullable: false,
                defaultValue: "");
            // Where each placement's worker lives now: the nearest the record can give for bookings made before it was kept.
            migrationBuilder.Sql("""UPDATE "Placements" SET "WorkerPostcodeDistrict" = (SELECT "PostcodeDistrict" FROM "Workers" WHERE "Workers"."Id" = "Placements"."WorkerId");""");
            migrationBuilder.DropIndex(name: SupplierBookingsIndex.Name, table: "Placements");
            migrationBuilder.Sql(SupplierBookingsIndex.Sqlite);
            migrationBuilder.Sql("""ANALYZE "IX_Placements_SupplierBookings";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropped in place, not by the table rebuild EF would make, which would lose the indexes made by hand.
            migrationBuilder.DropIndex(name: SupplierBookingsIndex.Name, table: "Placements");
            migrationBuilder.Sql("""ALTER TABLE "Placements" DROP COLUMN "WorkerPostcodeDistrict";""");
            migrationBuilder.Sql(SupplierBookingsIndex.FirstSqlite);
        }
    }
}
