using Bogus;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Infrastructure.Scheduling.Dues;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Connect2Luton.Infrastructure.Tests.Nightly;

/// <summary>
/// The nightly checks review only the placements whose decision can have changed. Each test runs the same nights
/// twice over copies of one database: as the app runs them, and with every due day forgotten before each night, so
/// every live placement is reviewed as it was before due days; the two must raise and resolve exactly the same.
/// </summary>
public sealed class IncrementalNightTests : IAsyncLifetime
{
    private const int Nights = 22;
    private SqliteTestDatabase _database = null!;
    private SqliteTestDatabase _full = null!;
    private FakeTimeProvider _clock = null!;
    private ServiceProvider _services = null!;
    private ServiceProvider _fullServices = null!;
    private NightlyData _data = null!;
    private List<Placement> _placements = null!;

    private DateOnly Today => _clock.Today();

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _clock = Clocks.Fixed();
        _data = await NightlyData.CreateAsync(_database);
        // Placements at every point of their first year and more, some covering sickness (never prompted), some
        // with a worker whose right to work runs out in the weeks ahead.
        var faker = new Faker { Random = new Randomizer(2026) };
        _placements = [];
        for (var i = 0; i < 40; i++)
        {
            var reason = faker.Random.Bool(0.25f) ? RequisitionReason.SicknessCover : RequisitionReason.VacancyCover;
            _placements.Add(await _data.PlacementStartingAsync(Today.AddDays(-faker.Random.Int(0, 420)), reason: reason));
        }
        foreach (var placement in _placements.Where((_, i) => i % 9 == 4))
            await ChangeWorkerAsync(_database, placement.WorkerId, w => w.RecordRightToWork(new RightToWorkCheck(new DateOnly(2024, 1, 8), Today.AddDays(placement.Id % 20))));
        _full = await _database.CopyAsync();
        // The nights run hours after the day's saves, as they do at 02:30.
        _clock.Advance(TimeSpan.FromHours(3));
        _services = TestServices.For(_database, _clock);
        _fullServices = TestServices.For(_full, _clock);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fullServices.DisposeAsync();
        await _database.DisposeAsync();
        await _full.DisposeAsync();
    }

    [Fact]
    public async Task Nights_that_review_only_what_is_due_raise_and_resolve_exactly_what_reviewing_every_placement_would()
    {
        var reviewed = 0;
        var everyOne = 0;
        for (var night = 0; night < Nights; night++)
        {
            // Between nights people record breaks, end placements, act on prompts and renew documents.
            foreach (var database in new[] { _database, _full }) await DayOfChangesAsync(database, night);

            reviewed += await NightAsync(_services);
            await ForgetDueDaysAsync(_full);
            everyOne += await NightAsync(_fullServices);

            (await OutcomesAsync(_database)).ShouldBe(await OutcomesAsync(_full), $"night {night}, {Today:d MMMM yyyy}");
            _clock.Advance(TimeSpan.FromDays(1));
        }

        (await OutcomesAsync(_database)).Count.ShouldBeGreaterThan(40, "the nights raised flags and prompts to compare");
        reviewed.ShouldBeLessThan(everyOne / 3, $"reviewed {reviewed} placements over the nights where reviewing every one each night takes {everyOne}");
    }

    [Fact]
    public async Task A_job_role_changed_between_nights_makes_every_live_placement_due_again()
    {
        var first = await _services.Runner(_clock).RunAsync<PlacementFlagReview>("schedule", default);
        _clock.Advance(TimeSpan.FromDays(1));
        var nothingChanged = await _services.Runner(_clock).RunAsync<PlacementFlagReview>("schedule", default);
        await using (var db = _database.CreateContext(clock: _clock))
        {
            (await db.JobRoles.SingleAsync(r => r.Id == _data.Reference.Role.Id)).SetSalaryBand(40_000m, 48_000m);
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromDays(1));
        var afterTheChange = await _services.Runner(_clock).RunAsync<PlacementFlagReview>("schedule", default);

        nothingChanged.Totals.Scanned.ShouldBeLessThan(first.Totals.Scanned / 2);
        afterTheChange.Totals.Scanned.ShouldBe(first.Totals.Scanned);
    }

    private async Task<int> NightAsync(ServiceProvider services)
    {
        var results = await Task.WhenAll(
            services.Runner(_clock).RunAsync<PlacementFlagReview>("schedule", default),
            services.Runner(_clock).RunAsync<ConversionPromptReview>("schedule", default));
        results.ShouldAllBe(r => r.Status == Domain.Jobs.JobRunStatus.Succeeded);
        return results.Sum(r => r.Totals.Scanned);
    }

    private async Task DayOfChangesAsync(SqliteTestDatabase database, int night)
    {
        switch (night)
        {
            case 2:
                await ChangeWorkerAsync(database, _placements[3].WorkerId, w => w.RecordBreak(Today.AddDays(-30), Today.AddDays(-20), BreakReason.Sickness, null, "recruiter@test.local", _clock.GetUtcNow()));
                break;
            case 5:
                await using (var db = database.CreateContext(clock: _clock))
                {
                    (await db.Placements.SingleAsync(p => p.Id == _placements[5].Id)).End(Today, "Left for another job", "recruiter@test.local", _clock.GetUtcNow());
                    await db.SaveChangesAsync();
                }
                break;
            case 8:
                await using (var db = database.CreateContext(clock: _clock))
                {
                    var prompt = await db.ConversionPrompts.Where(c => c.Status == Domain.Conversions.ConversionPromptStatus.Open).OrderBy(c => c.PlacementId).FirstAsync();
                    prompt.Snooze(Today.AddDays(6), Today, "After the budget meeting", "manager@test.local", _clock.GetUtcNow());
                    await db.SaveChangesAsync();
                }
                break;
            case 11:
                await ChangeWorkerAsync(database, _placements[8].WorkerId, w => w.RecordBreak(Today.AddDays(-13), Today.AddDays(-1), BreakReason.AnnualLeave, null, "recruiter@test.local", _clock.GetUtcNow()));
                break;
            case 14:
                // A document renewed: a worker refused for an expired right to work may now be prompted.
                foreach (var placement in _placements.Where((_, i) => i % 9 == 4))
                    await ChangeWorkerAsync(database, placement.WorkerId, w => w.RecordRightToWork(new RightToWorkCheck(Today, null)), _clock);
                break;
        }
    }

    private async Task ChangeWorkerAsync(SqliteTestDatabase database, int workerId, Action<Worker> change, TimeProvider? clock = null)
    {
        await using var db = database.CreateContext(clock: clock ?? _clock);
        var worker = await db.Workers.Include(w => w.Breaks).SingleAsync(w => w.Id == workerId);
        change(worker);
        await db.SaveChangesAsync();
    }

    private static async Task ForgetDueDaysAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Set<NightlyDue>().ExecuteDeleteAsync();
    }

    private static async Task<List<string>> OutcomesAsync(SqliteTestDatabase database)
    {
        await using AppDbContext db = database.CreateContext();
        var flags = (await db.PlacementFlags.ToListAsync()).Select(f => $"flag {f.PlacementId} {f.Kind} raised {f.RaisedOn} resolved {f.ResolvedOn}");
        var prompts = (await db.ConversionPrompts.ToListAsync()).Select(c => $"prompt {c.PlacementId} {c.Status} raised {c.RaisedOn} snoozed {c.SnoozedUntil}");
        return [.. flags.Concat(prompts).Order(StringComparer.Ordinal)];
    }
}

internal static class NightlyRunners
{
    public static NightlyRunner Runner(this ServiceProvider services, TimeProvider clock) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<NightlyRunner>.Instance) { BatchSize = 7 };
}
