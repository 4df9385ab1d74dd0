using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Timesheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "WeeklyLimitOptOutSignedOn",
                table: "Workers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Timesheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplyAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobRoleId = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjustsTimesheetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnteredAs = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Hours = table.Column<long>(type: "INTEGER", precision: 7, scale: 2, nullable: false),
                    Charge = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    Pay = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    QueryReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timesheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Timesheets_JobRoles_JobRoleId",
                        column: x => x.JobRoleId,
                        principalTable: "JobRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Timesheets_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Timesheets_ServiceAreas_ServiceAreaId",
                        column: x => x.ServiceAreaId,
                        principalTable: "ServiceAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Timesheets_SupplyAgencies_SupplyAgencyId",
                        column: x => x.SupplyAgencyId,
                        principalTable: "SupplyAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Timesheets_Timesheets_AdjustsTimesheetId",
                        column: x => x.AdjustsTimesheetId,
                        principalTable: "Timesheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Timesheets_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimesheetEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TimesheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hours = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimesheetEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimesheetEntries_Timesheets_TimesheetId",
                        column: x => x.TimesheetId,
                        principalTable: "Timesheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimesheetEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TimesheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimesheetEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimesheetEvents_Timesheets_TimesheetId",
                        column: x => x.TimesheetId,
                        principalTable: "Timesheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimesheetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TimesheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hours = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: false),
                    RuleVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsReversal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pay = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    HolidayPay = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    EmployerNationalInsurance = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    EmployerPension = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    Margin = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    Charge = table.Column<long>(type: "INTEGER", precision: 14, scale: 2, nullable: false),
                    ChargeRate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    EmployerNationalInsuranceRate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    EmployerPensionRate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    HolidayPayRate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    MarginRate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    PayRate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimesheetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimesheetLines_Timesheets_TimesheetId",
                        column: x => x.TimesheetId,
                        principalTable: "Timesheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TimesheetEntries_TimesheetId",
                table: "TimesheetEntries",
                column: "TimesheetId");

            migrationBuilder.CreateIndex(
                name: "IX_TimesheetEvents_TimesheetId",
                table: "TimesheetEvents",
                column: "TimesheetId");

            migrationBuilder.CreateIndex(
                name: "IX_TimesheetLines_Day_TimesheetId",
                table: "TimesheetLines",
                columns: new[] { "Day", "TimesheetId" });

            migrationBuilder.CreateIndex(
                name: "IX_TimesheetLines_TimesheetId",
                table: "TimesheetLines",
                column: "TimesheetId");

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_AdjustsTimesheetId",
                table: "Timesheets",
                column: "AdjustsTimesheetId");

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_JobRoleId",
                table: "Timesheets",
                column: "JobRoleId");

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_PlacementId_WeekStart_Sequence",
                table: "Timesheets",
                columns: new[] { "PlacementId", "WeekStart", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_ServiceAreaId",
                table: "Timesheets",
                column: "ServiceAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_Status_ServiceAreaId_WeekStart",
                table: "Timesheets",
                columns: new[] { "Status", "ServiceAreaId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_SupplyAgencyId_WeekStart",
                table: "Timesheets",
                columns: new[] { "SupplyAgencyId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_WeekStart_Id_Status_ServiceAreaId",
                table: "Timesheets",
                columns: new[] { "WeekStart", "Id", "Status", "ServiceAreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Timesheets_WorkerId_WeekStart",
                table: "Timesheets",
                columns: new[] { "WorkerId", "WeekStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TimesheetEntries");

            migrationBuilder.DropTable(
                name: "TimesheetEvents");

            migrationBuilder.DropTable(
                name: "TimesheetLines");

            migrationBuilder.DropTable(
                name: "Timesheets");

            // SQLite drops the column in place: EF's way rebuilds the table, which would lose the indexes on it written by hand (WorkerChecksIndex).
            migrationBuilder.Sql("""ALTER TABLE "Workers" DROP COLUMN "WeeklyLimitOptOutSignedOn";""");
        }
    }
}
