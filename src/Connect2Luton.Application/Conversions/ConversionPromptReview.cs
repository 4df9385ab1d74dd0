using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Conversions;

/// <summary>
/// The nightly conversion check: every live placement is decided by the permanent-conversion rules; a worker the
/// rules say should be offered a permanent post now gets one prompt on the placement, with the reasons and the
/// money, never a second. A snoozed prompt comes back when its date comes; an open prompt on a placement that has
/// since ended lapses. New prompts, each with its decision, are written in bulk: on a first night over a large pool
/// there are hundreds of thousands, and tracking each as an entity cost far more than deciding it.
/// </summary>
public sealed class ConversionPromptReview(
    IReadRepository<Placement> placements,
    IReadRepository<PlacementRateChange> rateChanges,
    LiveConversionFacts facts,
    IRepository<ConversionPrompt> prompts,
    IBulkInsert<ConversionPrompt> newPrompts,
    IConversionPolicy conversions,
    IRuleSetCatalogue catalogue,
    INightlyDues dues,
    IUnitOfWork unitOfWork,
    ConversionPromptDigest digest,
    TimeProvider clock) : INightlyReview
{
    private const int TidyBatch = 2_000;

    public string JobName => JobNames.RaiseConversionPrompts;

    public IReadOnlyList<string> RuleSetNames { get; } = [Domain.Decisions.RuleSetNames.PermanentConversionEligibility];

    /// <summary>Who the prompts and lapses are recorded as made by.</summary>
    public const string Actor = "Nightly job: raise permanent-conversion prompts";

    public async Task<ReviewCounts> ReviewAsync(PlacementRange range, NightlyRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var today = run.Today;
        var readFrom = dues.ReadingFrom();
        // One prompt per placement: once acted on and closed (declined, not suitable, converted) it stays closed,
        // and an open one is left alone unless its snooze is over. Only the rest are decided.
        var states = (await prompts.ListAsync(new PromptStatesSpec(range), cancellationToken)).ToDictionary(c => c.PlacementId);
        var live = await facts.LiveAsync(range, today, cancellationToken);
        var batch = live.Where(p => !states.TryGetValue(p.Id, out var state) || state.SnoozeEndsBy(today)).ToList();
        // A placement with a prompt is next due when its snooze ends; acting on the prompt is a save, which makes it due.
        var due = live.Where(p => states.ContainsKey(p.Id) && !states[p.Id].SnoozeEndsBy(today))
            .ToDictionary(p => p.Id, p => SnoozeEnds(states[p.Id], today, NightlyLookahead.LastDay(p.Id, today)));
        // Most of a second night's batches have nothing to decide: only the due days are noted.
        var cases = batch.Count == 0 ? [] : await facts.ReadAsync(range, live, batch, today, cancellationToken);
        var repriced = batch.Where(p => p.HasRateChanges).Select(p => p.Id).ToList();
        var changes = (repriced.Count == 0 ? [] : await rateChanges.ListAsync(new ChargeRateChangesSpec(repriced), cancellationToken)).ToLookup(c => c.PlacementId);
        var terms = await conversions.TermsAsync(cancellationToken);
        var version = catalogue.Current.FirstOrDefault(r => r.Name == Domain.Decisions.RuleSetNames.PermanentConversionEligibility)?.ServingVersion;
        var actor = Actor;
        var now = clock.GetUtcNow();

        var woken = new Dictionary<int, (Domain.Decisions.RuleDecision Decision, ConversionCosts Costs)>();
        var raised = 0;
        foreach (var (placement, role, placementFacts, factsOn) in cases)
        {
            var decision = await run.DecideOnceAsync(version, placementFacts, f => conversions.DecideAsync(f, cancellationToken));
            var last = NightlyLookahead.LastDay(placement.Id, today);
            if (!decision.Eligible)
            {
                due[placement.Id] = await conversions.MayChangeOnAsync(decision, factsOn, last, cancellationToken);
                continue;
            }
            // Prompted: nothing more to decide until the prompt is acted on, which is a save.
            due[placement.Id] = last.AddDays(1);

            var charged = new ChargedPlacement(placement.StartDate, placement.EndDate, placement.ChargeRate, placement.WeeklyHours,
                changes[placement.Id].Select(c => new ChargeRateChange(c.EffectiveFrom, c.PreviousChargeRate, c.NewChargeRate)).ToList());
            var costs = ConversionCosting.For(charged, role, placementFacts.FeeFreeFrom, terms, today);
            // The decision is about the placement, which names the worker and the requisition: it is not listed
            // again under those, whose indexes a night's hundreds of thousands would only slow.
            var record = decision.Details.ToRecord(actor, now).About(placementId: placement.Id);
            if (states.TryGetValue(placement.Id, out var snoozed))
                woken[snoozed.Id] = (record, costs);
            else
                newPrompts.Add(new ConversionPrompt(placement.Id, placement.WorkerId, placement.ServiceAreaId, costs, record, today, now));
            raised++;
        }
        if (woken.Count > 0)
        {
            foreach (var prompt in await prompts.ListAsync(new PromptsByIdSpec(woken.Keys), cancellationToken))
                prompt.Wake(woken[prompt.Id].Decision, woken[prompt.Id].Costs, actor, now);
        }

        await digest.GatherAsync(raised, today, cancellationToken);
        await dues.NoteAsync(JobName, due, readFrom, cancellationToken);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException(saved.Conflict);
        return new ReviewCounts(live.Count, PromptsRaised: raised);
    }

    /// <summary>Open prompts on placements that have ended, been called off or converted lapse: there is nothing left to offer on.</summary>
    public async Task<ReviewCounts> TidyAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var afterId = 0;
        var now = clock.GetUtcNow();
        while (true)
        {
            var page = await prompts.ListAsync(new PromptStatesAfterSpec(afterId, TidyBatch), cancellationToken);
            if (page.Count == 0) break;
            afterId = page[^1].PlacementId;
            var prompted = page.Where(p => p.IsOpen).Select(p => p.PlacementId).ToList();
            if (prompted.Count == 0) continue;
            var closed = await placements.ListAsync(new ClosedPlacementIdsSpec(prompted), cancellationToken);
            if (closed.Count == 0) continue;
            foreach (var prompt in (await prompts.ListAsync(new PromptsForPlacementsSpec(closed), cancellationToken)).Where(c => c.IsOpen))
                prompt.Lapse("The placement ended before the prompt was acted on.", Actor, now);
            var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
            if (saved.IsConflict) throw new InvalidOperationException(saved.Conflict);
        }
        // The scan is over: the night's digest, gathered batch by batch, goes to the recruiters now.
        await digest.ReleaseAsync(today, cancellationToken);
        var released = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (released.IsConflict) throw new InvalidOperationException(released.Conflict);
        return ReviewCounts.None;
    }

    private static DateOnly SnoozeEnds(PromptState state, DateOnly today, DateOnly last)
    {
        for (var day = today.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (state.SnoozeEndsBy(day)) return day;
        }
        return last.AddDays(1);
    }

    /// <summary>
    /// The first day of the worker's unbroken run of placements with the council that includes this one: walking
    /// back, earlier placements join the run while the gap before the next is no more than the rules allow.
    /// </summary>
    public static DateOnly ContinuousSince(IEnumerable<PlacementHistoryRow> history, int placementId, DateOnly start, int gapDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        var since = start;
        foreach (var earlier in history.Where(p => p.Id != placementId && p.Status is not (PlacementStatus.Cancelled or PlacementStatus.AwaitingSignOff) && p.StartDate < since).OrderByDescending(p => p.EndDate))
        {
            if (earlier.EndDate < since && since.DayNumber - earlier.EndDate.DayNumber - 1 > gapDays) break;
            if (earlier.StartDate < since) since = earlier.StartDate;
        }
        return since;
    }
}
