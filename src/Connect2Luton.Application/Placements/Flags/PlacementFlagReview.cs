using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Flags;

/// <summary>
/// The nightly length check: every live placement is decided by the placement-length rules with its AWR clock as
/// it stands today; each flag the rules raise is opened once, and each open flag they no longer raise is resolved
/// with the reason. The decision that raised a flag is kept with it.
/// </summary>
public sealed class PlacementFlagReview(
    IReadRepository<Placement> placements,
    IRepository<PlacementFlag> flags,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    IPlacementLengthPolicy lengths,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : INightlyReview
{
    private const int TidyBatch = 500;

    public string JobName => JobNames.FlagLongRunningPlacements;

    public async Task<ReviewCounts> ReviewAsync(IReadOnlyList<int> placementIds, DateOnly today, CancellationToken cancellationToken)
    {
        var batch = await placements.ListAsync(new PlacementsForReviewSpec(placementIds), cancellationToken);
        var workerIds = batch.Select(p => p.WorkerId).Distinct().ToList();
        var history = (await placements.ListAsync(new PlacementHistoryOfWorkersSpec(workerIds), cancellationToken)).ToLookup(p => p.WorkerId);
        var breaks = (await workers.ListAsync(new WorkersWithBreaksSpec(workerIds), cancellationToken)).ToDictionary(w => w.Id);
        var roles = (await jobRoles.ListAsync(new JobRolesSpec(batch.Select(p => p.JobRoleId).Distinct().ToList()), cancellationToken)).ToDictionary(r => r.Id);
        var open = (await flags.ListAsync(new OpenFlagsSpec(placementIds), cancellationToken)).ToLookup(f => f.PlacementId);
        var rules = await lengths.AwrBreakRulesAsync(cancellationToken);
        var now = clock.GetUtcNow();

        int raised = 0, resolved = 0;
        foreach (var placement in batch)
        {
            var awr = AwrClock.On(AwrPositions.Assignments(history[placement.WorkerId]), AwrPositions.Breaks(breaks.GetValueOrDefault(placement.WorkerId)), placement.JobRoleId, today, rules);
            var facts = PolicyFacts.Running(placement, roles[placement.JobRoleId], placement.PlannedEndDate, today, awr.Weeks,
                isExtension: true, approvedBeyondLimit: placement.ApprovedBeyondLengthLimit);
            var decision = await lengths.DecideAsync(facts, cancellationToken);

            var wanted = decision.Flags.ToDictionary(f => f.Kind);
            var record = wanted.Count == 0 ? null : decision.Details.ToRecord(JobNames.Actor(JobName), now).About(requisitionId: placement.RequisitionId, workerId: placement.WorkerId);
            var already = open[placement.Id].ToList();
            foreach (var flag in already.Where(f => !wanted.ContainsKey(f.Kind)))
            {
                flag.Resolve(today, now, NoLongerApplies(decision, flag.Kind));
                resolved++;
            }
            foreach (var (kind, flag) in wanted.Where(w => already.All(f => f.Kind != w.Key)))
            {
                flags.Add(new PlacementFlag(placement.Id, kind, flag.Message, today, now, record));
                raised++;
            }
        }

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException(saved.Conflict);
        return new ReviewCounts(batch.Count, FlagsRaised: raised, FlagsResolved: resolved);
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
