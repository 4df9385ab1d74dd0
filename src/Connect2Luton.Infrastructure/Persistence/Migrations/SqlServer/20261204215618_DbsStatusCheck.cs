using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DbsStatusCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DbsStatusCheckedOn",
                table: "Workers",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DbsStatusCheckedOn",
                table: "Workers");
        }
    }
}
