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

    /// <summary>
    /// The provider as the app uses it. A list of ids in a query (a nightly batch's workers) goes as one JSON
    /// parameter rather than thousands of their own, which Microsoft.Data.Sqlite binds one search each. Saves go in
    /// commands of at most 50 statements: Microsoft.Data.Sqlite prepares a command's statements one after another
    /// from its text, which grows dearer the longer the text (a night's flags saved 2,000 at a time ran 20% slower).
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter).MaxBatchSize(50));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        // Names are searched by their start and unique whatever their case; SQLite's LIKE also uses an index only on
        // NOCASE columns.
        CaseBlindText.Apply(builder, CaseBlindText.Sqlite);
        builder.Entity<Domain.Placements.PlacementFlag>().OneOpenFlagOfAKind("\"ResolvedAt\" IS NULL");
        builder.Entity<Domain.Workers.Worker>().AgencyCandidatesBySurname("\"KeptByAgency\" AND \"IsActive\"");
        // SQLite keeps decimals as text, so EF sums them by calling back into .NET for every row: a second for the
        // live placements of a large council. The amounts reports sum are kept as whole millionths of a pound
        // instead, and the contracted hours as whole hundredths, which SQLite sums itself, exactly. (SQL Server
        // sums its decimal columns natively.)
        builder.Entity<Domain.Placements.Placement>().Property(p => p.WeeklyHours).HasConversion<HundredthsConverter>();
        builder.Entity<Domain.Placements.Placement>().ComplexProperty(p => p.CommittedWeek, week =>
        {
            week.Property(w => w.Charge).HasConversion<MillionthsConverter>();
            week.Property(w => w.Margin).HasConversion<MillionthsConverter>();
            week.Property(w => w.PayAndStatutoryCosts).HasConversion<MillionthsConverter>();
        });
        // Timesheets' hours and pounds are summed by every spend report: kept as whole hundredths and whole pence.
        var timesheet = builder.Entity<Domain.Timesheets.Timesheet>();
        timesheet.Property(t => t.Hours).HasConversion<HundredthsConverter>();
        timesheet.Property(t => t.Charge).HasConversion<PenceConverter>();
        timesheet.Property(t => t.Pay).HasConversion<PenceConverter>();
        var line = builder.Entity<Domain.Timesheets.TimesheetLine>();
        line.Property(l => l.Hours).HasConversion<HundredthsConverter>();
        foreach (var amount in new[] { "Pay", "HolidayPay", "EmployerNationalInsurance", "EmployerPension", "Margin", "Charge" })
            line.Property<decimal>(amount).HasConversion<PenceConverter>();
        builder.Entity<Domain.Timesheets.TimesheetEntry>().Property(e => e.Hours).HasConversion<HundredthsConverter>();
    }

    /// <summary>Pounds as whole pence: an amount already rounded to the penny.</summary>
    private sealed class PenceConverter() : ValueConverter<decimal, long>(
        value => decimal.ToInt64(decimal.Round(value * 100m, MidpointRounding.AwayFromZero)),
        value => value / 100m);

    /// <summary>Pounds as whole millionths: the precision of a rate times hours (<c>IsRateTimesHours</c>).</summary>
    private sealed class MillionthsConverter() : ValueConverter<decimal, long>(
        value => decimal.ToInt64(decimal.Round(value * 1_000_000m, MidpointRounding.AwayFromZero)),
        value => value / 1_000_000m);

    /// <summary>Hours as whole hundredths: the precision they are entered and stored to.</summary>
    private sealed class HundredthsConverter() : ValueConverter<decimal, long>(
        value => decimal.ToInt64(decimal.Round(value * 100m, MidpointRounding.AwayFromZero)),
        value => value / 100m);

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
