namespace Connect2Luton.Infrastructure.Persistence.Migrations;

/// <summary>
/// The index who was in post in a service's roles over a period is read from alone: the roles' own entries, by start,
/// with the status and end dates beside them (the workforce trend), and each assignment's worker, requisition and pay
/// rate (the DfE return, a hundred thousand rows a quarter at national scale, which otherwise cost a read of the table
/// each). Written by hand because EF Core cannot index an owned type's column (the pay rate).
/// </summary>
internal static class InPostIndex
{
    public const string Name = "IX_Placements_InPost";

    /// <summary>SQLite has no included columns: the assignment's columns are keys too.</summary>
    public const string Sqlite = """
        CREATE INDEX "IX_Placements_InPost" ON "Placements" ("ServiceAreaId", "JobRoleId", "StartDate", "Status", "ActualEndDate", "PlannedEndDate", "WorkerId", "RequisitionId", "PayRate");
        """;

    public const string SqlServer = """
        CREATE INDEX [IX_Placements_InPost] ON [Placements] ([ServiceAreaId], [JobRoleId], [StartDate], [Status], [ActualEndDate], [PlannedEndDate]) INCLUDE ([WorkerId], [RequisitionId], [PayRate]);
        """;
}
