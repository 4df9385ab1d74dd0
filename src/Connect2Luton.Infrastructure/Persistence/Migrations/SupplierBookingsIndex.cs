namespace Connect2Luton.Infrastructure.Persistence.Migrations;

/// <summary>
/// The index a supplier's bookings over a period are read from alone, with the service, the district the worker lived
/// in when booked and the committed week's margin and costs each is summed by (supplier performance: the in-house pool
/// books a quarter of a million placements a year at national scale, which read row by row from the table took half a
/// second). Written by hand because EF Core cannot index a complex type's columns. The first version held the worker
/// (the district was then looked up on each worker's record); its SQL stays for the migration that made it.
/// </summary>
internal static class SupplierBookingsIndex
{
    public const string Name = "IX_Placements_SupplierBookings";

    /// <summary>SQLite has no included columns: the summed ones are keys too.</summary>
    public const string Sqlite = """
        CREATE INDEX "IX_Placements_SupplierBookings" ON "Placements" ("SupplyAgencyId", "BookedAt", "Status", "ServiceAreaId", "WorkerPostcodeDistrict", "WeeklyMargin", "WeeklyPayAndStatutoryCosts");
        """;

    public const string SqlServer = """
        CREATE INDEX [IX_Placements_SupplierBookings] ON [Placements] ([SupplyAgencyId], [BookedAt]) INCLUDE ([Status], [ServiceAreaId], [WorkerPostcodeDistrict], [WeeklyMargin], [WeeklyPayAndStatutoryCosts]);
        """;

    public const string FirstSqlite = """
        CREATE INDEX "IX_Placements_SupplierBookings" ON "Placements" ("SupplyAgencyId", "BookedAt", "Status", "ServiceAreaId", "WorkerId", "WeeklyMargin", "WeeklyPayAndStatutoryCosts");
        """;

    public const string FirstSqlServer = """
        CREATE INDEX [IX_Placements_SupplierBookings] ON [Placements] ([SupplyAgencyId], [BookedAt]) INCLUDE ([Status], [ServiceAreaId], [WorkerId], [WeeklyMargin], [WeeklyPayAndStatutoryCosts]);
        """;
}
