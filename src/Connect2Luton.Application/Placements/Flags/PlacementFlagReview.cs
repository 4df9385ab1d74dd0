using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Flags;

/// <summary>
/// The nightly length check: every live placement due (<see cref="INightlyDues"/>) is decided by the placement-length
/// rules with its AWR clock as it stands today, and checked for AWR pay parity due (<see cref="PayParityFlags"/>);
/// each flag raised is opened once, naming the rule and its version, and each open flag no longer raised is resolved
/// with the reason; the day the decision may next change is noted. A first night reads every live placement, so it reads rows, not entities, loads for change only
/// the flags it resolves and writes new flags in bulk.
/// </summary>
public sealed class PlacementFlagReview(
    IReadRepository<Placement> placements,
    IRepository<PlacementFlag> flags,
    IBulkInsert<PlacementFlag> newFlags,
    LiveLengthFacts facts,
    IPlacementLengthPolicy lengths,
    PayParityFlags parityFlags,
    IRuleSetCatalogue catalogue,
    INightlyDues dues,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : INightlyReview
{
    private const int TidyBatch = 2_000;

    public string JobName => JobNames.FlagLongRunningPlacements;

    // Parity due is decided by the pay-rate rules, on the AWR clock the length rules count.
    public IReadOnlyList<string> RuleSetNames { get; } = [Domain.Decisions.RuleSetNames.PlacementLengthLimits, Domain.Decisions.RuleSetNames.PayRateCaps];

    public async Task<ReviewCounts> ReviewAsync(PlacementRange range, NightlyRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var today = run.Today;
        var readFrom = dues.ReadingFrom();
        var batch = await facts.ReadAsync(range, today, cancellationToken);
        var open = (await flags.ListAsync(new OpenFlagRowsSpec(range), cancellationToken)).ToLookup(f => f.PlacementId);
        var version = catalogue.Current.FirstOrDefault(r => r.Name == Domain.Decisions.RuleSetNames.PlacementLengthLimits)?.ServingVersion;
        var now = clock.GetUtcNow();

        var parityFound = await parityFlags.FindAsync(batch, run, cancellationToken);

        var raised = 0;
        var resolutions = new Dictionary<int, string>();
        var due = new Dictionary<int, DateOnly>(batch.Count);
        foreach (var (placement, _, _, placementFacts, factsOn) in batch)
        {
            var decision = await run.DecideOnceAsync(version, placementFacts, f => lengths.DecideAsync(f, cancellationToken));
            // Until the facts the rules read move on, tomorrow's decision is today's: the flags stand as they are left.
            var dueOn = await lengths.MayChangeOnAsync(decision, factsOn, NightlyLookahead.LastDay(placement.Id, today), cancellationToken);
            var parityNow = parityFound?.GetValueOrDefault(placement.Id);
            if (parityNow?.NextDue is { } noticeOpens && noticeOpens < dueOn) dueOn = noticeOpens;
            due[placement.Id] = dueOn;

            var already = open[placement.Id].ToList();
            var raisedNow = decision.Flags.Select(f => f.Kind).ToHashSet();
            // Where the pay-rate rules cannot be asked tonight, a parity flag already open stands as it is.
            if (parityNow?.Raise is not null || (parityFound is null && already.Any(f => f.Kind == PlacementFlagKind.PayParityDue)))
                raisedNow.Add(PlacementFlagKind.PayParityDue);
            foreach (var flag in already.Where(f => !raisedNow.Contains(f.Kind)))
                resolutions[flag.Id] = flag.Kind == PlacementFlagKind.PayParityDue ? PayParityFlags.NoLongerDue : NoLongerApplies(decision, flag.Kind);
            foreach (var flag in decision.Flags.Where(f => already.All(existing => existing.Kind != f.Kind)))
            {
                newFlags.Add(new PlacementFlag(placement.Id, flag.Kind, flag.Message, flag.Verdict.Rule, decision.Details.Version, today, now));
                raised++;
            }
            if (parityNow?.Raise is { } parity && already.All(existing => existing.Kind != PlacementFlagKind.PayParityDue))
            {
                newFlags.Add(new PlacementFlag(placement.Id, PlacementFlagKind.PayParityDue, parity.Message, parity.Rule, parity.RuleSetVersion, today, now));
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
