using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// The text columns compared without regard to case, on every provider and whatever the server's own collation:
/// names searched by their start (a worker's), and names unique whatever their case ("Housing" and "HOUSING" are one
/// service). Stated on the columns, so a SQL Server installed with a case-sensitive default behaves as SQLite does.
/// Emails and service codes need none: they are kept in one case.
/// </summary>
internal static class CaseBlindText
{
    /// <summary>SQLite's: case-blind for A to Z only, as its LIKE is.</summary>
    public const string Sqlite = "NOCASE";

    /// <summary>SQL Server's: case-blind, accent-sensitive, with the 100 series' sort order (SQL Server 2008 onwards).</summary>
    public const string SqlServer = "Latin1_General_100_CI_AS";

    public static void Apply(ModelBuilder builder, string collation)
    {
        builder.Entity<Domain.Workers.Worker>().Property(w => w.LastName).UseCollation(collation);
        builder.Entity<Domain.Workers.Worker>().Property(w => w.FirstName).UseCollation(collation);
        builder.Entity<Domain.ServiceAreas.ServiceArea>().Property(s => s.Name).UseCollation(collation);
        builder.Entity<Domain.JobRoles.JobRole>().Property(r => r.Title).UseCollation(collation);
        builder.Entity<Domain.HiringOrganisations.HiringOrganisation>().Property(o => o.Name).UseCollation(collation);
        builder.Entity<Domain.SupplyAgencies.SupplyAgency>().Property(a => a.Name).UseCollation(collation);
        builder.Entity<Domain.SignOffs.SignOffPosition>().Property(p => p.Name).UseCollation(collation);
    }
}
