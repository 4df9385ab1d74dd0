using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>The embedded default: one SQLite file in the app's data folder.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : AppDbContext(options, currentUser, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset values; every moment is stored as UTC text, which sorts correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        // Names are searched by their start, case-insensitively: SQLite's LIKE uses an index only on NOCASE columns.
        // (SQL Server's default collation is already case-insensitive.)
        builder.Entity<Domain.Workers.Worker>().Property(w => w.LastName).UseCollation("NOCASE");
        builder.Entity<Domain.Workers.Worker>().Property(w => w.FirstName).UseCollation("NOCASE");
        builder.Entity<Domain.Placements.PlacementFlag>().OneOpenFlagOfAKind("\"ResolvedAt\" IS NULL");
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
