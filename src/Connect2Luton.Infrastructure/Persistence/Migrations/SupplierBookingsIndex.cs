namespace Connect2Luton.Infrastructure.Persistence.Migrations;

/// <summary>
/// The index a supplier's bookings over a period are read from alone, with the service, worker and committed week's
/// margin and costs each is summed by (supplier performance: the in-house pool books a quarter of a million
/// placements a year at national scale, which read row by row from the table took half a second). Written by hand
/// because EF Core cannot index a complex type's columns.
/// </summary>
internal static class SupplierBookingsIndex
{
    public const string Name = "IX_Placements_SupplierBookings";

    /// <summary>SQLite has no included columns: the summed ones are keys too.</summary>
    public const string Sqlite = """
        CREATE INDEX "IX_Placements_SupplierBookings" ON "Placements" ("SupplyAgencyId", "BookedAt", "Status", "ServiceAreaId", "WorkerId", "WeeklyMargin", "WeeklyPayAndStatutoryCosts");
        """;

    public const string SqlServer = """
        CREATE INDEX [IX_Placements_SupplierBookings] ON [Placements] ([SupplyAgencyId], [BookedAt]) INCLUDE ([Status], [ServiceAreaId], [WorkerId], [WeeklyMargin], [WeeklyPayAndStatutoryCosts]);
        """;
}
