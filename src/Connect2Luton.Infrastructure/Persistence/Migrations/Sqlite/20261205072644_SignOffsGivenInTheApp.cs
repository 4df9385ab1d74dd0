using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "InForce");

            migrationBuilder.CreateTable(
                name: "SignOffPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HolderUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeputyUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DeputyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffPositions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignOffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CapExceptionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
