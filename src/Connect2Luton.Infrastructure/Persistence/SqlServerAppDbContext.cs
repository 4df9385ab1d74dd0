using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Persistence.Configurations;
using Connect2Luton.Domain.Placements;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>Production and several nodes: SQL Server, with its own migrations.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : AppDbContext(options, currentUser, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        CaseBlindText.Apply(builder, CaseBlindText.SqlServer);
        builder.Entity<PlacementFlag>().OneOpenFlagOfAKind("[ResolvedAt] IS NULL");
        builder.Entity<Domain.Workers.Worker>().AgencyCandidatesBySurname("[KeptByAgency] = 1 AND [IsActive] = 1");
    }
}
