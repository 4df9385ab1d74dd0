namespace Connect2Luton.Infrastructure.Persistence.Migrations;

/// <summary>
/// The index the live placements' money groups and the long-running list are read from alone: live status and start
/// first, then everything they group by, sum and list. Written by hand because EF Core cannot index a complex type's
/// columns. Each shape a migration created is kept, so that migration creates (and the next one's Down restores) it.
/// </summary>
internal static class LiveMoneyIndex
{
    public const string Name = "IX_Placements_LiveMoney";

    /// <summary>SQLite has no included columns: the summed ones are keys too.</summary>
    public const string Sqlite = """
        CREATE INDEX "IX_Placements_LiveMoney" ON "Placements" ("Status", "StartDate", "ServiceAreaId", "JobRoleId", "SupplyAgencyId", "WeeklyHours", "WeeklyCharge", "WeeklyMargin", "WeeklyPayAndStatutoryCosts");
        """;

    public const string SqlServer = """
        CREATE INDEX [IX_Placements_LiveMoney] ON [Placements] ([Status], [StartDate], [ServiceAreaId], [JobRoleId], [SupplyAgencyId]) INCLUDE ([WeeklyHours], [WeeklyCharge], [WeeklyMargin], [WeeklyPayAndStatutoryCosts]);
        """;

    /// <summary>With the worker and the charge rate too, so the spend report's long-running list needs no row of the table.</summary>
    public const string SqliteWithLongRunning = """
        CREATE INDEX "IX_Placements_LiveMoney" ON "Placements" ("Status", "StartDate", "ServiceAreaId", "JobRoleId", "SupplyAgencyId", "WeeklyHours", "WeeklyCharge", "WeeklyMargin", "WeeklyPayAndStatutoryCosts", "WorkerId", "ChargeRate");
        """;

    public const string SqlServerWithLongRunning = """
        CREATE INDEX [IX_Placements_LiveMoney] ON [Placements] ([Status], [StartDate], [ServiceAreaId], [JobRoleId], [SupplyAgencyId]) INCLUDE ([WeeklyHours], [WeeklyCharge], [WeeklyMargin], [WeeklyPayAndStatutoryCosts], [WorkerId], [ChargeRate]);
        """;
}
