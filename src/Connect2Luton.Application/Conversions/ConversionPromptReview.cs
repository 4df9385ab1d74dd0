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
/// since ended lapses.
/// </summary>
public sealed class ConversionPromptReview(
    IReadRepository<Placement> placements,
    IReadRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    IRepository<ConversionPrompt> prompts,
    IConversionPolicy conversions,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : INightlyReview
{
    private const int TidyBatch = 500;

    public string JobName => JobNames.RaiseConversionPrompts;

    public async Task<ReviewCounts> ReviewAsync(IReadOnlyList<int> placementIds, DateOnly today, CancellationToken cancellationToken)
    {
        var batch = await placements.ListAsync(new PlacementsWithRatesSpec(placementIds), cancellationToken);
        var workerIds = batch.Select(p => p.WorkerId).Distinct().ToList();
        var people = (await workers.ListAsync(new WorkersSpec(workerIds), cancellationToken)).ToDictionary(w => w.Id);
        var history = (await placements.ListAsync(new PlacementHistoryOfWorkersSpec(workerIds), cancellationToken)).ToLookup(p => p.WorkerId);
        var reasons = (await requisitions.ListAsync(new RequisitionReasonsSpec(batch.Select(p => p.RequisitionId).Distinct().ToList()), cancellationToken)).ToDictionary(r => r.Id, r => r.Reason);
        var roles = (await jobRoles.ListAsync(new JobRolesSpec(batch.Select(p => p.JobRoleId).Distinct().ToList()), cancellationToken)).ToDictionary(r => r.Id);
        var raisedBefore = (await prompts.ListAsync(new PromptsForPlacementsSpec(placementIds), cancellationToken)).ToLookup(c => c.PlacementId);
        var terms = await conversions.TermsAsync(cancellationToken);
        var actor = JobNames.Actor(JobName);
        var now = clock.GetUtcNow();

        var raised = 0;
        foreach (var placement in batch)
        {
            var earlier = raisedBefore[placement.Id].ToList();
            // One prompt per placement: once acted on and closed (declined, not suitable, converted) it stays closed.
            if (earlier.Any(c => !c.IsOpen)) continue;
            var open = earlier.FirstOrDefault(c => c.IsOpen);
            if (open is not null && !open.SnoozeEndsBy(today)) continue;

            var worker = people[placement.WorkerId];
            var role = roles[placement.JobRoleId];
            var since = ContinuousSince(history[placement.WorkerId], placement, terms.ContinuityGapDays);
            var facts = PolicyFacts.Conversion(reasons[placement.RequisitionId], worker, role, since, today);
            var decision = await conversions.DecideAsync(facts, cancellationToken);
            if (!decision.Eligible) continue;

            var why = string.Join(Environment.NewLine, decision.Details.Rules.Where(r => r.Passed).Select(r => r.Message));
            var costs = ConversionCosting.For(placement, role, facts.ContinuousWeeks, terms, today);
            if (open is not null)
            {
                open.Wake(why, costs, actor, now);
            }
            else
            {
                var record = decision.Details.ToRecord(actor, now).About(requisitionId: placement.RequisitionId, workerId: placement.WorkerId);
                prompts.Add(new ConversionPrompt(placement.Id, placement.WorkerId, placement.ServiceAreaId, why, costs, record, today, now));
            }
            raised++;
        }

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException(saved.Conflict);
        return new ReviewCounts(batch.Count, PromptsRaised: raised);
    }

    /// <summary>Open prompts on placements that have ended, been called off or converted lapse: there is nothing left to offer on.</summary>
    public async Task<ReviewCounts> TidyAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var afterId = 0;
        var now = clock.GetUtcNow();
        while (true)
        {
            var prompted = (await prompts.ListAsync(new PromptedPlacementIdsAfterSpec(afterId, TidyBatch), cancellationToken)).Distinct().ToList();
            if (prompted.Count == 0) break;
            afterId = prompted[^1];
            var closed = await placements.ListAsync(new ClosedPlacementIdsSpec(prompted), cancellationToken);
            if (closed.Count == 0) continue;
            foreach (var prompt in (await prompts.ListAsync(new PromptsForPlacementsSpec(closed), cancellationToken)).Where(c => c.IsOpen))
                prompt.Lapse("The placement ended before the prompt was acted on.", JobNames.Actor(JobName), now);
            var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
            if (saved.IsConflict) throw new InvalidOperationException(saved.Conflict);
        }
        return ReviewCounts.None;
    }

    /// <summary>
    /// The first day of the worker's unbroken run of placements with the council that includes this one: walking
    /// back, earlier placements join the run while the gap before the next is no more than the rules allow.
    /// </summary>
    public static DateOnly ContinuousSince(IEnumerable<PlacementHistoryRow> history, Placement placement, int gapDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(placement);
        var since = placement.StartDate;
        foreach (var earlier in history.Where(p => p.Id != placement.Id && p.Status != PlacementStatus.Cancelled && p.StartDate < since).OrderByDescending(p => p.EndDate))
        {
            if (earlier.EndDate < since && since.DayNumber - earlier.EndDate.DayNumber - 1 > gapDays) break;
            if (earlier.StartDate < since) since = earlier.StartDate;
        }
        return since;
    }
}
