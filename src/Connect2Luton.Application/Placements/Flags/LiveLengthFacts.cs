using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Flags;

/// <summary>
/// A live placement with the facts the length rules decide it on today, and the facts it would have on a day ahead
/// if nothing about it were saved meanwhile (its AWR clock run on to that day).
/// </summary>
public sealed record LiveLengthCase(LivePlacementRow Placement, JobRole Role, int AwrWeeks, PlacementLengthFacts Facts, Func<DateOnly, PlacementLengthFacts> FactsOn);

/// <summary>
/// The length rules' facts for a range of live placements, each with its AWR clock as it stands today (the
/// worker's other placements and recorded breaks, read once for the range): what the nightly check decides, and
/// what the rules workspace decides a draft on before it serves.
/// </summary>
public sealed class LiveLengthFacts(
    IReadRepository<Placement> placements,
    IReadRepository<WorkerBreak> breaks,
    IReadRepository<JobRole> jobRoles,
    IPlacementLengthPolicy lengths)
{
    public async Task<List<LiveLengthCase>> ReadAsync(PlacementRange range, DateOnly today, CancellationToken cancellationToken)
    {
        var batch = await placements.ListAsync(new LivePlacementRowsSpec(range, today), cancellationToken);
        var workerIds = batch.Select(p => p.WorkerId).Distinct().ToList();
        var read = batch.Select(p => p.Id).ToHashSet();
        var history = (await placements.ListAsync(new PlacementHistoryOfWorkersSpec(workerIds, range, today), cancellationToken))
            .Where(p => !read.Contains(p.Id)).Concat(batch.Select(p => p.AsHistory)).ToLookup(p => p.WorkerId);
        var recorded = (await breaks.ListAsync(new BreaksOfWorkersSpec(workerIds), cancellationToken)).ToLookup(b => b.WorkerId);
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).ToDictionary(r => r.Id);
        var rules = await lengths.AwrBreakRulesAsync(cancellationToken);

        var cases = new List<LiveLengthCase>(batch.Count);
        foreach (var placement in batch)
        {
            var assignments = AwrPositions.Assignments(history[placement.WorkerId]).ToList();
            var workerBreaks = recorded[placement.WorkerId].Select(b => new AwrBreak(b.From, b.To, b.Reason)).ToList();
            var role = roles[placement.JobRoleId];
            PlacementLengthFacts On(DateOnly day) => PolicyFacts.Live(role, placement.StartDate, placement.PlannedEndDate, day,
                AwrClock.On(assignments, workerBreaks, placement.JobRoleId, day, rules).Weeks, placement.ApprovedBeyondLimit);
            var facts = On(today);
            cases.Add(new LiveLengthCase(placement, role, facts.AwrWeeks, facts, On));
        }
        return cases;
    }
}
