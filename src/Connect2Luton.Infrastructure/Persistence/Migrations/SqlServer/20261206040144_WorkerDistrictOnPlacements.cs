using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "nvarchar(4)",
                maxLength: 4,
                nullable: false,
                defaultValue: "");
            // Where each placement's worker lives now: the nearest the record can give for bookings made before it was kept.
            migrationBuilder.Sql("""UPDATE p SET p.[WorkerPostcodeDistrict] = w.[PostcodeDistrict] FROM [Placements] p INNER JOIN [Workers] w ON w.[Id] = p.[WorkerId];""");
            migrationBuilder.DropIndex(name: SupplierBookingsIndex.Name, table: "Placements");
            migrationBuilder.Sql(SupplierBookingsIndex.SqlServer);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: SupplierBookingsIndex.Name, table: "Placements");
            migrationBuilder.Sql(SupplierBookingsIndex.FirstSqlServer);
            migrationBuilder.DropColumn(
                name: "WorkerPostcodeDistrict",
                table: "Placements");
        }
    }
}
