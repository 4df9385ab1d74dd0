namespace Connect2Luton.Infrastructure.Persistence.Migrations;

/// <summary>
/// The index the live placements' money groups are read from alone: live status and start first, then everything
/// they group by and sum. Written by hand because EF Core cannot index a complex type's columns.
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
}
