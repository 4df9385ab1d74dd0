using System.Diagnostics;
using Bogus;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Connect2Luton.Infrastructure.DemoData;

public sealed record TimesheetSeedResult(int Timesheets, int Weeks, int Waiting, TimeSpan Elapsed);

/// <summary>
/// Gives the placements of a volume database their weekly timesheets, going back from last week, a week at a time
/// for every placement that ran in it, until there are so many: last week mostly sent and waiting (a few saved
/// unsent or queried, some already approved), earlier weeks approved by the service's head but for a few still
/// waiting or queried. Each is made and priced as the app makes them (the placement's rates and the pay-rate rules,
/// through <see cref="TimesheetPricer"/>), with its entries, lines and history. A million timesheets and their
/// ten million rows are too many for EF's change tracking, so a batch of placements' weeks is written with prepared
/// INSERTs in one transaction, the values converted as EF maps them. SQLite only. A week a placement already has a
/// timesheet for (the demo data's) is left as it is.
/// </summary>
public sealed class TimesheetVolumeSeeder(AppDbContext db, TimesheetPricer pricer, TimeProvider clock)
{
    private const int PlacementsPerBatch = 5_000;
    private const string Recruiter = "recruiter@connect2luton.local";
    private const string Agency = "agency timesheets";

    public async Task<TimesheetSeedResult> SeedAsync(int timesheets, Action<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timesheets);
        if (!db.Database.IsSqlite()) throw new InvalidOperationException("Timesheet volumes are seeded into SQLite only.");
        var stopwatch = Stopwatch.StartNew();
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var lastWeek = TimesheetWeek.MondayOf(today).AddDays(-7);
        var random = new Randomizer(timesheets);

        var heads = (await db.HiringManagers.AsNoTracking().Where(m => m.JobTitle.StartsWith("Head of")).OrderBy(m => m.Id).ToListAsync(cancellationToken))
            .GroupBy(m => m.ServiceAreaId).ToDictionary(g => g.Key, g => g.First().Email);
        var kinds = await db.SupplyAgencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Kind, cancellationToken);
        var organisations = await db.ServiceAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.HiringOrganisationId, cancellationToken);
        var nextId = (await db.Timesheets.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0) + 1;

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var timesheetRows = new RowWriter(connection, db.Model.FindEntityType(typeof(Timesheet))!, parentKey: null);
        using var entryRows = new RowWriter(connection, db.Model.FindEntityType(typeof(TimesheetEntry))!, parentKey: nameof(TimesheetEntry.TimesheetId));
        using var lineRows = new RowWriter(connection, db.Model.FindEntityType(typeof(TimesheetLine))!, parentKey: nameof(TimesheetLine.TimesheetId));
        using var eventRows = new RowWriter(connection, db.Model.FindEntityType(typeof(TimesheetEvent))!, parentKey: nameof(TimesheetEvent.TimesheetId));

        var written = 0;
        var waiting = 0;
        var weeks = 0;
        for (var week = lastWeek; written < timesheets; week = week.AddDays(-7))
        {
            var weekEnd = week.AddDays(6);
            var isLast = week == lastWeek;
            var before = written;
            var after = 0;
            while (written < timesheets)
            {
                var from = after;
                var weekStart = week;
                var placements = await db.Placements.AsNoTracking().Include(p => p.RateChanges)
                    .Where(p => p.Id > from && (p.Status == PlacementStatus.Active || p.Status == PlacementStatus.Ended)
                        && p.StartDate <= weekEnd && (p.ActualEndDate ?? p.PlannedEndDate) >= weekStart
                        && !db.Timesheets.Any(t => t.PlacementId == p.Id && t.WeekStart == weekStart))
                    .OrderBy(p => p.Id).Take(PlacementsPerBatch).ToListAsync(cancellationToken);
                if (placements.Count == 0) break;
                after = placements[^1].Id;

                var batch = new List<(int Id, Timesheet Timesheet)>(placements.Count);
                foreach (var placement in placements)
                {
                    if (written + batch.Count >= timesheets) break;
                    if (await MakeAsync(placement, week, isLast, random, heads, kinds, organisations, today, now, cancellationToken) is not { } timesheet) continue;
                    batch.Add((nextId++, timesheet));
                    if (timesheet.Status == TimesheetStatus.Submitted) waiting++;
                }

                await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
                {
                    foreach (var (id, timesheet) in batch)
                    {
                        timesheetRows.Write(transaction, timesheet, id);
                        foreach (var entry in timesheet.Entries) entryRows.Write(transaction, entry, id);
                        foreach (var line in timesheet.Lines) lineRows.Write(transaction, line, id);
                        foreach (var step in timesheet.History) eventRows.Write(transaction, step, id);
                    }
                    await transaction.CommitAsync(cancellationToken);
                }
                written += batch.Count;
                progress?.Invoke(written);
            }
            if (written == before && !await db.Placements.AnyAsync(p => p.StartDate <= weekEnd, cancellationToken)) break;
            weeks++;
        }
        // Fresh statistics for the planner, now the tables are a different size.
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        return new TimesheetSeedResult(written, weeks, waiting, stopwatch.Elapsed);
    }

    /// <summary>One placement's week, entered, priced and taken as far as it has got; null where it has no weekday to enter.</summary>
    private async Task<Timesheet?> MakeAsync(Placement placement, DateOnly week, bool isLast, Randomizer random, Dictionary<int, string> heads,
        Dictionary<int, SupplyAgencyKind> kinds, Dictionary<int, int> organisations, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hours = TimesheetWeek.DaysFrom(week).Take(5)
            .Where(d => d >= placement.StartDate && d <= placement.EndDate && d < today)
            .Select(d => new TimesheetHours(d, TimesheetLineType.Standard, Math.Round(placement.WeeklyHours / 5m * 4m, MidpointRounding.AwayFromZero) / 4m))
            .ToList();
        if (hours.Count == 0 || !organisations.TryGetValue(placement.ServiceAreaId, out var organisation)) return null;
        if (await pricer.ForWeekAsync(placement, week, cancellationToken) is not { } priced) return null;

        var enteredAs = kinds.GetValueOrDefault(placement.SupplyAgencyId) == SupplyAgencyKind.InHousePool ? TimesheetEnteredAs.Recruiter : TimesheetEnteredAs.Agency;
        var by = enteredAs == TimesheetEnteredAs.Recruiter ? Recruiter : Agency;
        var manager = heads.GetValueOrDefault(placement.ServiceAreaId, DemoDataSeeder.DemoManagerEmail);
        var sent = Earlier(DemoDataSeeder.At(week.AddDays(7), 9), now);
        var timesheet = Timesheet.Start(placement, week, enteredAs, by, organisation);
        timesheet.Record(hours, new TimesheetLimits(placement.StartDate, placement.EndDate, today, true, priced.AllowedTypes), by, sent.AddMinutes(-20));

        // Last week: 5% saved unsent, 5% queried, 55% waiting, the rest approved already; earlier weeks: 1% queried, 3% still waiting.
        var roll = random.Double();
        if (isLast && roll < 0.05) return timesheet;
        var lines = priced.Rates.Price(hours);
        timesheet.Submit(lines, null, by, sent);
        if (roll < (isLast ? 0.10 : 0.01)) timesheet.Query(random.ArrayElement(QueryReasons), manager, Earlier(sent.AddHours(3), now));
        else if (roll >= (isLast ? 0.65 : 0.04)) timesheet.Approve(lines, null, manager, Earlier(sent.AddDays(1).AddHours(2), now));
        return timesheet;
    }

    private static readonly string[] QueryReasons =
    [
        "Friday was a team training day, not a full shift: please check the hours",
        "The rota shows a half day on Wednesday",
        "Please split out the hours worked at the second site",
    ];

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// A prepared INSERT of one table's rows, with every column EF maps for the type (a complex value's in its row)
    /// converted as EF converts it; the timesheet's own key is given, and a child row's reference to it.
    /// </summary>
    private sealed class RowWriter : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly List<(SqliteParameter Parameter, Func<object, object?> Read, RelationalTypeMapping Mapping)> _columns = [];
        private readonly SqliteParameter _key;

        public RowWriter(SqliteConnection connection, IEntityType type, string? parentKey)
        {
            _command = connection.CreateCommand();
            var names = new List<string>();
            SqliteParameter? key = null;
            foreach (var property in type.GetProperties())
            {
                // The child tables' own keys are made by the store; a timesheet's is given, so its rows can refer to it.
                if (parentKey is not null && property.IsPrimaryKey()) continue;
                var parameter = _command.CreateParameter();
                parameter.ParameterName = "$p" + names.Count;
                _command.Parameters.Add(parameter);
                names.Add(property.GetColumnName());
                if (property.Name == (parentKey ?? nameof(Timesheet.Id)))
                {
                    key = parameter;
                    continue;
                }
                var getter = property.GetGetter();
                _columns.Add((parameter, getter.GetClrValue, (RelationalTypeMapping)property.GetRelationalTypeMapping()));
            }
            foreach (var complex in type.GetComplexProperties())
            {
                var owner = complex.GetGetter();
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    var parameter = _command.CreateParameter();
                    parameter.ParameterName = "$p" + names.Count;
                    _command.Parameters.Add(parameter);
                    names.Add(property.GetColumnName());
                    var info = property.PropertyInfo ?? throw new InvalidOperationException($"{complex.Name}.{property.Name} has no property to read.");
                    _columns.Add((parameter, record => owner.GetClrValue(record) is { } value ? info.GetValue(value) : null, (RelationalTypeMapping)property.GetRelationalTypeMapping()));
                }
            }
            _key = key ?? throw new InvalidOperationException($"{type.ClrType.Name} has no {parentKey ?? "Id"} column.");
            _command.CommandText = $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))});";
        }

        public void Write(SqliteTransaction transaction, object record, int key)
        {
            _command.Transaction = transaction;
            _key.Value = key;
            foreach (var (parameter, read, mapping) in _columns) parameter.Value = ProviderValue.Of(mapping, read(record));
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
