using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connect2Luton.Infrastructure.Tests.Nightly;

/// <summary>The two nightly jobs on a real SQLite database with the real rule files, on a fake clock.</summary>
public sealed class NightlyJobTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private FakeTimeProvider _clock = null!;
    private ServiceProvider _services = null!;
    private NightlyData _data = null!;

    private DateOnly Today => _clock.Today();

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _clock = Clocks.Fixed();
        _services = TestServices.For(_database, _clock);
        _data = await NightlyData.CreateAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private NightlyRunner Runner(int batchSize = 500) => new(_services.GetRequiredService<IServiceScopeFactory>(), _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<NightlyRunner>.Instance) { BatchSize = batchSize };

    [Fact]
    public async Task A_placement_crossing_the_12_week_point_is_flagged_once_and_its_warning_resolved()
    {
        var placement = await _data.PlacementStartingAsync(Today.AddDays(-7 * 11));
        // The night runs hours after the day's saves; one saved in the hour before a run is reviewed again next time.
        _clock.Advance(TimeSpan.FromHours(3));

        var first = await Runner().RunAsync<PlacementFlagReview>("schedule", default);
        var again = await Runner().RunAsync<PlacementFlagReview>("schedule", default);

        first.Totals.FlagsRaised.ShouldBe(1);
        // Nothing has changed since, and nothing moves on before tomorrow: there is nothing to review again tonight.
        again.Totals.ShouldBe(ReviewCounts.None);
        (await FlagsAsync(placement.Id)).ShouldHaveSingleItem().Kind.ShouldBe(PlacementFlagKind.AwrQualifyingSoon);

        _clock.Advance(TimeSpan.FromDays(7));
        var crossed = await Runner().RunAsync<PlacementFlagReview>("schedule", default);
        var thenAgain = await Runner().RunAsync<PlacementFlagReview>("schedule", default);

        crossed.Totals.ShouldBe(new ReviewCounts(1, FlagsRaised: 1, FlagsResolved: 1));
        thenAgain.Totals.ShouldBe(ReviewCounts.None);
        var flags = await FlagsAsync(placement.Id);
        flags.Single(f => f.IsOpen).Kind.ShouldBe(PlacementFlagKind.AwrQualified);
        flags.Single(f => f.IsOpen).Message.ShouldStartWith("Week 12: past the 12-week Agency Workers Regulations point");
        var resolved = flags.Single(f => !f.IsOpen);
        resolved.Kind.ShouldBe(PlacementFlagKind.AwrQualifyingSoon);
        resolved.ResolvedOn.ShouldBe(Today);
        resolved.Resolution.ShouldNotBeNull().ShouldStartWith("No longer applies");
    }

    [Fact]
    public async Task Pay_below_AWR_parity_is_flagged_a_fortnight_before_the_point_with_the_rate_needed_and_resolved_once_the_pay_is_raised()
    {
        // Twelve weeks are done three weeks today: parity is due from then, a week after tonight's look ahead.
        var placement = await _data.PlacementStartingAsync(Today.AddDays(-7 * 9), pay: 19.00m);
        var paidEnough = await _data.PlacementStartingAsync(Today.AddDays(-7 * 11));
        var dueFrom = Today.AddDays(7 * 3);
        _clock.Advance(TimeSpan.FromHours(3));

        (await Runner().RunAsync<PlacementFlagReview>("schedule", default)).Totals.FlagsRaised.ShouldBe(1, "the AWR point soon for the one at 11 weeks; no parity yet");
        (await FlagsAsync(placement.Id)).ShouldNotContain(f => f.Kind == PlacementFlagKind.PayParityDue);

        // A week on, the fortnight's notice has opened: the night the notice opens is a night the placement is due.
        _clock.Advance(TimeSpan.FromDays(7));
        await Runner().RunAsync<PlacementFlagReview>("schedule", default);
        var parity = (await FlagsAsync(placement.Id)).Where(f => f.Kind == PlacementFlagKind.PayParityDue).ShouldHaveSingleItem();
        parity.IsOpen.ShouldBeTrue();
        // Grade E starts at £39,027 a year: over 52.143 weeks of 37 hours, £20.23 an hour.
        parity.Message.ShouldBe($"AWR pay parity is due from {Domain.Timesheets.TimesheetChecks.Day(dueFrom)}: the pay-rate rules allow at least £20.23 an hour from then; the pay is £19.00. Apply parity on the placement's page.");
        parity.Rule.ShouldBe("AtLeastAwrPayParity");
        (await FlagsAsync(paidEnough.Id)).ShouldNotContain(f => f.Kind == PlacementFlagKind.PayParityDue);
        (await Runner().RunAsync<PlacementFlagReview>("schedule", default)).Totals.ShouldBe(ReviewCounts.None, "nothing changed: nothing to look at again");

        // Saved as the app saves, so the night knows the placement changed.
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Connect2Luton.Infrastructure.Persistence.AppDbContext>();
            var saved = await db.Placements.Include(p => p.RateChanges).SingleAsync(p => p.Id == placement.Id);
            saved.ChangeRates(A.Rates(20.23m), dueFrom, "AWR pay parity", null, null, "recruiter@test.local", _clock.GetUtcNow());
            (await scope.ServiceProvider.GetRequiredService<Application.Common.Persistence.IUnitOfWork>().SaveChangesAsync(default)).IsConflict.ShouldBeFalse();
        }
        _clock.Advance(TimeSpan.FromDays(1));
        (await Runner().RunAsync<PlacementFlagReview>("schedule", default)).Totals.FlagsResolved.ShouldBe(1);
        var resolved = (await FlagsAsync(placement.Id)).Single(f => f.Kind == PlacementFlagKind.PayParityDue);
        resolved.IsOpen.ShouldBeFalse();
        resolved.Resolution.ShouldBe(PayParityFlags.NoLongerDue);
    }

    [Fact]
    public async Task Recorded_sick_leave_pauses_the_AWR_clock_the_job_reads()
    {
        var placement = await _data.PlacementStartingAsync(Today.AddDays(-7 * 12));
        await _data.RecordBreakAsync(placement.WorkerId, Today.AddDays(-7 * 4), Today.AddDays(-7 * 2 - 1), BreakReason.Sickness);

        await Runner().RunAsync<PlacementFlagReview>("schedule", default);

        // Twelve weeks booked, two of them off sick: week 10 of the clock, so the point is still to come.
        (await FlagsAsync(placement.Id)).ShouldHaveSingleItem().Kind.ShouldBe(PlacementFlagKind.AwrQualifyingSoon);
    }

    [Fact]
    public async Task A_worker_crossing_the_fee_free_point_gets_exactly_one_prompt_with_the_money_across_repeated_runs()
    {
        // Started 97 days ago: day 98, the last of the 14 weeks of regulation 10, so a fee could still be charged today.
        var firstDay = Today.AddDays(-97);
        var placement = await _data.PlacementStartingAsync(firstDay);

        (await Runner().RunAsync<ConversionPromptReview>("schedule", default)).Totals.PromptsRaised.ShouldBe(0, "13 weeks and 6 days: a transfer fee could still be charged");
        _clock.Advance(TimeSpan.FromDays(1));
        var raised = await Runner().RunAsync<ConversionPromptReview>("schedule", default);
        await Runner().RunAsync<ConversionPromptReview>("schedule", default);
        _clock.Advance(TimeSpan.FromDays(1));
        await Runner().RunAsync<ConversionPromptReview>("schedule", default);

        raised.Totals.PromptsRaised.ShouldBe(1);
        await using var db = _data.Read();
        var prompt = (await db.ConversionPrompts.Include(c => c.Decision).ToListAsync()).ShouldHaveSingleItem();
        prompt.PlacementId.ShouldBe(placement.Id);
        prompt.Status.ShouldBe(ConversionPromptStatus.Open);
        prompt.Decision.RuleSet.ShouldBe("permanent-conversion-eligibility");
        prompt.Decision.PlacementId.ShouldBe(placement.Id);
        prompt.Decision.Reasons.First(r => r.Passed).Message.ShouldBe($"14 whole weeks of continuous placement: no transfer fee can be charged since {firstDay.AddDays(98):d MMMM yyyy}.");
        var charge = placement.Rates.ChargeRate;
        // Raised on day 99 of the placement, the first fee-free day: 14 weeks and a day charged at 37 hours a week.
        prompt.Costs.AgencyCostToDate.ShouldBe(Math.Round(charge * 37m * 99m / 7m, 2));
        prompt.Costs.YearlyAgencyCost.ShouldBe(Math.Round(charge * 37m * 52m, 2));
        // The social work grade's mid-point, £41,745, with the 30% on-cost rate of the conversion rules.
        prompt.Costs.YearlyPermanentCost.ShouldBe(54_268.50m);
        prompt.Costs.TransferFeeMayApply.ShouldBeFalse();
    }

    [Fact]
    public async Task A_cover_for_sickness_never_gets_a_prompt_and_a_snoozed_prompt_comes_back_on_its_date()
    {
        await _data.PlacementStartingAsync(Today.AddDays(-7 * 20), reason: Domain.Requisitions.RequisitionReason.SicknessCover);
        var vacancy = await _data.PlacementStartingAsync(Today.AddDays(-7 * 20));
        await Runner().RunAsync<ConversionPromptReview>("schedule", default);
        await using (var db = _data.Read())
        {
            var prompt = (await db.ConversionPrompts.ToListAsync()).ShouldHaveSingleItem();
            prompt.PlacementId.ShouldBe(vacancy.Id);
            prompt.Snooze(Today.AddDays(10), Today, "Ask after the budget meeting", "manager@test.local", Clocks.Now);
            await db.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromDays(9));
        (await Runner().RunAsync<ConversionPromptReview>("schedule", default)).Totals.PromptsRaised.ShouldBe(0);
        _clock.Advance(TimeSpan.FromDays(1));
        (await Runner().RunAsync<ConversionPromptReview>("schedule", default)).Totals.PromptsRaised.ShouldBe(1);

        await using var read = _data.Read();
        var woken = await read.ConversionPrompts.Include(c => c.Decision).SingleAsync();
        woken.Status.ShouldBe(ConversionPromptStatus.Open);
        woken.SnoozedUntil.ShouldBeNull();
        // Woken on the decision of the night it came back, ten days on from the one that raised it.
        woken.Decision.DecidedAt.ShouldBe(_clock.GetUtcNow());
        woken.Decision.PlacementId.ShouldBe(vacancy.Id);
        (await read.RuleDecisions.CountAsync(d => d.RuleSet == "permanent-conversion-eligibility" && d.PlacementId == vacancy.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task A_run_the_app_died_in_is_marked_interrupted_and_the_next_one_finishes_the_night_without_duplicates()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++) ids.Add((await _data.PlacementStartingAsync(Today.AddDays(-7 * (30 + i)))).Id);
        await using (var db = _data.Read())
        {
            // The night as a crash left it: its run still "running", the first batch's flags saved.
            db.JobRuns.Add(new JobRun(JobNames.FlagLongRunningPlacements, Today, "schedule", Clocks.Now));
            await db.SaveChangesAsync();
        }
        await using (var scope = _services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PlacementFlagReview>().ReviewAsync(new PlacementRange(0, ids[1]), new NightlyRun(Today), default);

        var result = await Runner(batchSize: 2).RunAsync<PlacementFlagReview>("schedule (recovered after a restart)", default);

        result.Status.ShouldBe(JobRunStatus.Succeeded);
        result.Totals.Scanned.ShouldBe(5);
        await using var read = _data.Read();
        (await read.JobRuns.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync()).ShouldBe([JobRunStatus.Interrupted, JobRunStatus.Succeeded]);
        var flags = await read.PlacementFlags.Where(f => f.ResolvedAt == null).ToListAsync();
        // Every one of the five is past its AWR point and six months: two flags each, none twice.
        flags.Count.ShouldBe(10);
        flags.GroupBy(f => (f.PlacementId, f.Kind)).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task A_placement_that_cannot_be_reviewed_is_recorded_on_the_run_and_the_others_are_done()
    {
        var good = await _data.PlacementStartingAsync(Today.AddDays(-7 * 20));
        var bad = await _data.PlacementStartingAsync(Today.AddDays(-7 * 20));
        await using (var db = _data.Read())
            await db.Database.ExecuteSqlAsync($"UPDATE Requisitions SET Reason = 'NoSuchReason' WHERE Id = {bad.RequisitionId}");

        var result = await Runner().RunAsync<ConversionPromptReview>("schedule", default);

        result.Status.ShouldBe(JobRunStatus.CompletedWithErrors);
        result.Failures.ShouldBe(1);
        result.Totals.Scanned.ShouldBe(2);
        await using var read = _data.Read();
        (await read.ConversionPrompts.SingleAsync()).PlacementId.ShouldBe(good.Id);
        (await read.JobRuns.SingleAsync()).ErrorLog.ShouldNotBeNull().ShouldStartWith($"Placement {bad.Id}:");
    }

    [Fact]
    public async Task A_run_asked_to_stop_at_shutdown_stops_and_says_so()
    {
        await _data.PlacementStartingAsync(Today.AddDays(-7 * 20));
        using var shutdown = new CancellationTokenSource();
        await shutdown.CancelAsync();

        var result = await Runner().RunAsync<PlacementFlagReview>("schedule", shutdown.Token);

        result.Status.ShouldBe(JobRunStatus.Cancelled);
        await using var read = _data.Read();
        (await read.PlacementFlags.CountAsync()).ShouldBe(0);
        (await read.JobRuns.SingleAsync()).FinishedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Open_flags_and_prompts_of_a_placement_that_has_ended_are_closed()
    {
        var placement = await _data.PlacementStartingAsync(Today.AddDays(-7 * 20));
        await Runner().RunAsync<PlacementFlagReview>("schedule", default);
        await Runner().RunAsync<ConversionPromptReview>("schedule", default);
        await using (var db = _data.Read())
        {
            var ending = await db.Placements.SingleAsync(p => p.Id == placement.Id);
            ending.End(Today, "Left for another job", "recruiter@test.local", Clocks.Now);
            await db.SaveChangesAsync();
        }

        await Runner().RunAsync<PlacementFlagReview>("schedule", default);
        await Runner().RunAsync<ConversionPromptReview>("schedule", default);

        await using var read = _data.Read();
        (await read.PlacementFlags.ToListAsync()).ShouldAllBe(f => f.Resolution == "The placement is no longer live.");
        (await read.ConversionPrompts.SingleAsync()).Status.ShouldBe(ConversionPromptStatus.Lapsed);
    }

    private async Task<List<PlacementFlag>> FlagsAsync(int placementId)
    {
        await using var db = _data.Read();
        return await db.PlacementFlags.Where(f => f.PlacementId == placementId).OrderBy(f => f.Id).ToListAsync();
    }
}
