using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupplyChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DateOfBirth",
                table: "Workers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "KeptByAgency",
                table: "Workers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ConfirmsDfeAgencyRules",
                table: "SupplyAgencies",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SupplyAgencyId",
                table: "AspNetUsers",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequisitionId = table.Column<int>(type: "int", nullable: false),
                    SupplyAgencyId = table.Column<int>(type: "int", nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    WorkerId = table.Column<int>(type: "int", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OwnsCandidateUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Submissions_Requisitions_RequisitionId",
                        column: x => x.RequisitionId,
                        principalTable: "Requisitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Submissions_SupplyAgencies_SupplyAgencyId",
                        column: x => x.SupplyAgencyId,
                        principalTable: "SupplyAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Submissions_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequisitionId = table.Column<int>(type: "int", nullable: false),
                    HeldSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HoldReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierReleases_Requisitions_RequisitionId",
                        column: x => x.RequisitionId,
                        principalTable: "Requisitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CandidateClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RequisitionId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    SubmissionId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateClaims_Requisitions_RequisitionId",
                        column: x => x.RequisitionId,
                        principalTable: "Requisitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CandidateClaims_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReleasedAgencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupplierReleaseId = table.Column<int>(type: "int", nullable: false),
                    RequisitionId = table.Column<int>(type: "int", nullable: false),
                    SupplyAgencyId = table.Column<int>(type: "int", nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleasedAgencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReleasedAgencies_SupplierReleases_SupplierReleaseId",
                        column: x => x.SupplierReleaseId,
                        principalTable: "SupplierReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReleasedAgencies_SupplyAgencies_SupplyAgencyId",
                        column: x => x.SupplyAgencyId,
                        principalTable: "SupplyAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupplierReleaseId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AgencyCount = table.Column<int>(type: "int", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RuleVersion = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReleaseSteps_SupplierReleases_SupplierReleaseId",
                        column: x => x.SupplierReleaseId,
                        principalTable: "SupplierReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SupplyAgencyId",
                table: "AspNetUsers",
                column: "SupplyAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateClaims_RequisitionId_Key",
                table: "CandidateClaims",
                columns: new[] { "RequisitionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CandidateClaims_SubmissionId",
                table: "CandidateClaims",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedAgencies_SupplierReleaseId_SupplyAgencyId",
                table: "ReleasedAgencies",
                columns: new[] { "SupplierReleaseId", "SupplyAgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedAgencies_SupplyAgencyId_ReleasedAt_RequisitionId",
                table: "ReleasedAgencies",
                columns: new[] { "SupplyAgencyId", "ReleasedAt", "RequisitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseSteps_SupplierReleaseId",
                table: "ReleaseSteps",
                column: "SupplierReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_RequisitionId_WorkerId",
                table: "Submissions",
                columns: new[] { "RequisitionId", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_SubmittedAt",
                table: "Submissions",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_SupplyAgencyId_SubmittedAt",
                table: "Submissions",
                columns: new[] { "SupplyAgencyId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_WorkerId",
                table: "Submissions",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierReleases_RequisitionId",
                table: "SupplierReleases",
                column: "RequisitionId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_SupplyAgencies_SupplyAgencyId",
                table: "AspNetUsers",
                column: "SupplyAgencyId",
                principalTable: "SupplyAgencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_SupplyAgencies_SupplyAgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CandidateClaims");

            migrationBuilder.DropTable(
                name: "ReleasedAgencies");

            migrationBuilder.DropTable(
                name: "ReleaseSteps");

            migrationBuilder.DropTable(
                name: "Submissions");

            migrationBuilder.DropTable(
                name: "SupplierReleases");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SupplyAgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DateOfBirth",
                table: "Workers");

            migrationBuilder.DropColumn(
                name: "KeptByAgency",
                table: "Workers");

            migrationBuilder.DropColumn(
                name: "ConfirmsDfeAgencyRules",
                table: "SupplyAgencies");

            migrationBuilder.DropColumn(
                name: "SupplyAgencyId",
                table: "AspNetUsers");
        }
    }
}
