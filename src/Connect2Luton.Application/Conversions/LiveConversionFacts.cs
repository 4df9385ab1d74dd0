using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Conversions;

/// <summary>
/// A live placement with the facts the conversion rules decide it on today, and the facts it would have on a day
/// ahead if nothing about it were saved meanwhile.
/// </summary>
public sealed record LiveConversionCase(ConversionPlacementRow Placement, JobRole Role, ConversionFacts Facts, Func<DateOnly, ConversionFacts> FactsOn);

/// <summary>
/// The conversion rules' facts for live placements, each with the worker's unbroken run with the council as it
/// stands today: what the nightly check decides, and what the rules workspace decides a draft on before it serves.
/// </summary>
public sealed class LiveConversionFacts(
    IReadRepository<Placement> placements,
    IReadRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    IConversionPolicy conversions)
{
    /// <summary>The range's live placements, as rows.</summary>
    public Task<List<ConversionPlacementRow>> LiveAsync(PlacementRange range, DateOnly today, CancellationToken cancellationToken) =>
        placements.ListAsync(new ConversionPlacementRowsSpec(range, today), cancellationToken);

    /// <summary>The facts of the placements to decide, among the range's live ones (which the workers' runs count too).</summary>
    public async Task<List<LiveConversionCase>> ReadAsync(
        PlacementRange range, IReadOnlyList<ConversionPlacementRow> live, IReadOnlyList<ConversionPlacementRow> toDecide, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(toDecide);
        if (toDecide.Count == 0) return [];
        var workerIds = toDecide.Select(p => p.WorkerId).Distinct().ToList();
        var people = (await workers.ListAsync(new ConversionCandidatesSpec(workerIds), cancellationToken)).ToDictionary(w => w.WorkerId);
        var read = live.Select(p => p.Id).ToHashSet();
        var history = (await placements.ListAsync(new PlacementHistoryOfWorkersSpec(workerIds, range, today), cancellationToken))
            .Where(p => !read.Contains(p.Id)).Concat(live.Select(p => p.AsHistory)).ToLookup(p => p.WorkerId);
        var reasons = (await requisitions.ListAsync(new RequisitionReasonsSpec(toDecide.Select(p => p.RequisitionId).Distinct().ToList()), cancellationToken)).ToDictionary(r => r.Id, r => r.Reason);
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).ToDictionary(r => r.Id);
        var terms = await conversions.TermsAsync(cancellationToken);

        var cases = new List<LiveConversionCase>(toDecide.Count);
        foreach (var placement in toDecide)
        {
            var role = roles[placement.JobRoleId];
            var since = ConversionPromptReview.ContinuousSince(history[placement.WorkerId], placement.Id, placement.StartDate, terms.ContinuityGapDays);
            var (reason, person, feeFreeFrom) = (reasons[placement.RequisitionId], people[placement.WorkerId], terms.FeeFreeFrom(since, null));
            ConversionFacts On(DateOnly day) => PolicyFacts.Conversion(reason, person, role, since, feeFreeFrom, day);
            cases.Add(new LiveConversionCase(placement, role, On(today), On));
        }
        return cases;
    }
}
