using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "HiringOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false, collation: "NOCASE"),
                    InvoiceAddress = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    InvoiceContact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InvoiceEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    PurchaseOrderRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarginAdjustment = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
            // SQLite rebuilds ServiceAreas to lose the key and column, and EF leaves that rebuild to the end of the
            // migration, after every other step: the organisations are dropped with the key still there, so with keys
            // unchecked (outside a transaction, where SQLite allows it). The rebuild then takes the key away.
            migrationBuilder.DropForeignKey(
                name: "FK_ServiceAreas_HiringOrganisations_HiringOrganisationId",
                table: "ServiceAreas");

            migrationBuilder.DropIndex(
                name: "IX_ServiceAreas_HiringOrganisationId",
                table: "ServiceAreas");

            migrationBuilder.DropColumn(
                name: "HiringOrganisationId",
                table: "ServiceAreas");

            migrationBuilder.Sql("""PRAGMA foreign_keys = 0; DROP TABLE "HiringOrganisations"; PRAGMA foreign_keys = 1;""", suppressTransaction: true);
        }
    }
}
