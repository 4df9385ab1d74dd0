using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Flags;

/// <summary>
/// The nightly length check: every live placement due (<see cref="INightlyDues"/>) is decided by the placement-length
/// rules with its AWR clock as it stands today; each flag the rules raise is opened once, naming the rule and its
/// version, and each open flag they no longer raise is resolved with the reason; the day the decision may next
/// change is noted. A first night reads every live placement, so it reads rows, not entities, loads for change only
/// the flags it resolves and writes new flags in bulk.
/// </summary>
public sealed class PlacementFlagReview(
    IReadRepository<Placement> placements,
    IRepository<PlacementFlag> flags,
    IBulkInsert<PlacementFlag> newFlags,
    LiveLengthFacts facts,
    IPlacementLengthPolicy lengths,
    IRuleSetCatalogue catalogue,
    INightlyDues dues,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : INightlyReview
{
    private const int TidyBatch = 2_000;

    public string JobName => JobNames.FlagLongRunningPlacements;

    public string RuleSetName => Domain.Decisions.RuleSetNames.PlacementLengthLimits;

    public async Task<ReviewCounts> ReviewAsync(PlacementRange range, NightlyRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var today = run.Today;
        var readFrom = dues.ReadingFrom();
        var batch = await facts.ReadAsync(range, today, cancellationToken);
        var open = (await flags.ListAsync(new OpenFlagRowsSpec(range), cancellationToken)).ToLookup(f => f.PlacementId);
        var version = catalogue.Current.FirstOrDefault(r => r.Name == Domain.Decisions.RuleSetNames.PlacementLengthLimits)?.ServingVersion;
        var now = clock.GetUtcNow();

        var raised = 0;
        var resolutions = new Dictionary<int, string>();
        var due = new Dictionary<int, DateOnly>(batch.Count);
        foreach (var (placement, _, _, placementFacts, factsOn) in batch)
        {
            var decision = await run.DecideOnceAsync(version, placementFacts, f => lengths.DecideAsync(f, cancellationToken));
            // Until the facts the rules read move on, tomorrow's decision is today's: the flags stand as they are left.
            due[placement.Id] = await lengths.MayChangeOnAsync(decision, factsOn, NightlyLookahead.LastDay(placement.Id, today), cancellationToken);

            var already = open[placement.Id].ToList();
            foreach (var flag in already.Where(f => decision.Flags.All(raisedNow => raisedNow.Kind != f.Kind)))
                resolutions[flag.Id] = NoLongerApplies(decision, flag.Kind);
            foreach (var flag in decision.Flags.Where(f => already.All(existing => existing.Kind != f.Kind)))
            {
                newFlags.Add(new PlacementFlag(placement.Id, flag.Kind, flag.Message, flag.Verdict.Rule, decision.Details.Version, today, now));
                raised++;
            }
        }
        if (resolutions.Count > 0)
        {
            foreach (var flag in await flags.ListAsync(new FlagsByIdSpec(resolutions.Keys), cancellationToken))
                flag.Resolve(today, now, resolutions[flag.Id]);
        }
        await dues.NoteAsync(JobName, due, readFrom, cancellationToken);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException(saved.Conflict);
        return new ReviewCounts(batch.Count, FlagsRaised: raised, FlagsResolved: resolutions.Count);
    }

    /// <summary>Resolves the open flags of placements that have ended, been called off or converted since.</summary>
    public async Task<ReviewCounts> TidyAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var resolved = 0;
        var afterId = 0;
        var now = clock.GetUtcNow();
        while (true)
        {
            var flagged = (await flags.ListAsync(new FlaggedPlacementIdsAfterSpec(afterId, TidyBatch), cancellationToken)).Distinct().ToList();
            if (flagged.Count == 0) break;
            afterId = flagged[^1];
            var closed = await placements.ListAsync(new ClosedPlacementIdsSpec(flagged), cancellationToken);
            if (closed.Count == 0) continue;
            foreach (var flag in await flags.ListAsync(new OpenFlagsSpec(closed), cancellationToken))
            {
                flag.Resolve(today, now, "The placement is no longer live.");
                resolved++;
            }
            var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
            if (saved.IsConflict) throw new InvalidOperationException(saved.Conflict);
        }
        return new ReviewCounts(0, FlagsResolved: resolved);
    }

    // The rule behind a flag now passes: its own message says where the placement stands instead.
    private static string NoLongerApplies(PlacementLengthDecision decision, PlacementFlagKind kind)
    {
        var rule = decision.Details.Rules.FirstOrDefault(r => r.Flag == kind.ToString());
        return rule is { Passed: true } ? $"No longer applies: {rule.Message}" : "No longer applies under the rules serving today.";
    }
}
