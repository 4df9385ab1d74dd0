using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HiringOrganisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HiringOrganisationId",
                table: "ServiceAreas",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "HiringOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    InvoiceAddress = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    InvoiceContact = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    InvoiceEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    PurchaseOrderRequired = table.Column<bool>(type: "bit", nullable: false),
                    MarginAdjustment = table.Column<decimal>(type: "decimal(6,4)", precision: 6, scale: 4, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HiringOrganisations", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "HiringOrganisations",
                columns: new[] { "Id", "InvoiceAddress", "InvoiceContact", "InvoiceEmail", "IsActive", "MarginAdjustment", "Name", "PurchaseOrderRequired", "Version" },
                values: new object[] { 1, "Accounts Payable\nTown Hall\nGeorge Street\nLuton\nLU1 2BQ", "Accounts Payable", "accounts.payable@luton.gov.example", true, 0m, "Luton Borough Council", true, 0 });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAreas_HiringOrganisationId",
                table: "ServiceAreas",
                column: "HiringOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_HiringOrganisations_Name",
                table: "HiringOrganisations",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceAreas_HiringOrganisations_HiringOrganisationId",
                table: "ServiceAreas",
                column: "HiringOrganisationId",
                principalTable: "HiringOrganisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ServiceAreas_HiringOrganisations_HiringOrganisationId",
                table: "ServiceAreas");

            migrationBuilder.DropTable(
                name: "HiringOrganisations");

            migrationBuilder.DropIndex(
                name: "IX_ServiceAreas_HiringOrganisationId",
                table: "ServiceAreas");

            migrationBuilder.DropColumn(
                name: "HiringOrganisationId",
                table: "ServiceAreas");
        }
    }
}
