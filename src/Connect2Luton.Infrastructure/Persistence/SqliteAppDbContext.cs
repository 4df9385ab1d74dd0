using Connect2Luton.Application.Common.Identity;
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

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
