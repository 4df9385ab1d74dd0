using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SignOffsGivenInTheApp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Extensions made before sign-offs were given in the app were in force when they were saved.
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "PlacementExtensions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "InForce");

            migrationBuilder.CreateTable(
                name: "SignOffPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    HolderUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    HolderName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DeputyUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DeputyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffPositions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignOffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlacementId = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Position = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CapExceptionId = table.Column<int>(type: "int", nullable: true),
                    ExtensionId = table.Column<int>(type: "int", nullable: true),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignOffs_CapExceptions_CapExceptionId",
                        column: x => x.CapExceptionId,
                        principalTable: "CapExceptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignOffs_PlacementExtensions_ExtensionId",
                        column: x => x.ExtensionId,
                        principalTable: "PlacementExtensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignOffs_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffPositions_DeputyUserName",
                table: "SignOffPositions",
                column: "DeputyUserName");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffPositions_HolderUserName",
                table: "SignOffPositions",
                column: "HolderUserName");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffPositions_Name",
                table: "SignOffPositions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_CapExceptionId",
                table: "SignOffs",
                column: "CapExceptionId");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_DecidedBy_DecidedAt",
                table: "SignOffs",
                columns: new[] { "DecidedBy", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_ExtensionId",
                table: "SignOffs",
                column: "ExtensionId");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_PlacementId",
                table: "SignOffs",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_State_Position_RequestedAt",
                table: "SignOffs",
                columns: new[] { "State", "Position", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignOffPositions");

            migrationBuilder.DropTable(
                name: "SignOffs");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "PlacementExtensions");
        }
    }
}
