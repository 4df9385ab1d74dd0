using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements;

/// <summary>Where a worker's AWR clock stands, from their placements and recorded breaks, under the serving rules.</summary>
public sealed class AwrPositions(IReadRepository<Placement> placements, IReadRepository<Worker> workers, IPlacementLengthPolicy lengths)
{
    /// <summary>
    /// The clock in a role on a day. <paramref name="proposed"/> is a booking not yet made, counted as if it were.
    /// </summary>
    public async Task<AwrPosition> OnAsync(int workerId, int jobRoleId, DateOnly asOf, AwrAssignment? proposed, CancellationToken cancellationToken)
    {
        var history = await placements.ListAsync(new WorkerPlacementsSpec(workerId), cancellationToken);
        var worker = await workers.FirstOrDefaultAsync(new WorkersWithBreaksSpec([workerId]), cancellationToken);
        var assignments = Assignments(history).ToList();
        if (proposed is not null) assignments.Add(proposed);
        return AwrClock.On(assignments, Breaks(worker), jobRoleId, asOf, await lengths.AwrBreakRulesAsync(cancellationToken));
    }

    /// <summary>The clock in a role on any day, from the worker's placements and breaks read once: for asking it about many days.</summary>
    public async Task<Func<DateOnly, AwrPosition>> ClockAsync(int workerId, int jobRoleId, CancellationToken cancellationToken)
    {
        var history = await placements.ListAsync(new WorkerPlacementsSpec(workerId), cancellationToken);
        var worker = await workers.FirstOrDefaultAsync(new WorkersWithBreaksSpec([workerId]), cancellationToken);
        var assignments = Assignments(history).ToList();
        var breaks = Breaks(worker).ToList();
        var rules = await lengths.AwrBreakRulesAsync(cancellationToken);
        return day => AwrClock.On(assignments, breaks, jobRoleId, day, rules);
    }

    /// <summary>
    /// The clocks of many workers, their placements and breaks read in two queries: for approving many weeks at once.
    /// Asked of a worker not among them, the clock counts nothing.
    /// </summary>
    public async Task<Func<int, int, DateOnly, AwrPosition>> ClocksAsync(IReadOnlyCollection<int> workerIds, CancellationToken cancellationToken)
    {
        var history = (await placements.ListAsync(new PlacementsOfWorkersSpec(workerIds), cancellationToken)).ToLookup(p => p.WorkerId);
        var breaks = (await workers.ListAsync(new WorkersWithBreaksSpec(workerIds), cancellationToken)).ToDictionary(w => w.Id, w => Breaks(w).ToList());
        var rules = await lengths.AwrBreakRulesAsync(cancellationToken);
        var assignments = workerIds.Distinct().ToDictionary(id => id, id => history[id]
            .Where(p => p.Status is not (PlacementStatus.Cancelled or PlacementStatus.AwaitingSignOff)).Select(p => new AwrAssignment(p.JobRoleId, p.StartDate, p.EndDate)).ToList());
        return (workerId, jobRoleId, day) => AwrClock.On(assignments.GetValueOrDefault(workerId) ?? [], breaks.GetValueOrDefault(workerId) ?? [], jobRoleId, day, rules);
    }

    /// <summary>The stretches of work the clock counts: every placement but those called off before they started or still waiting for sign-off.</summary>
    public static IEnumerable<AwrAssignment> Assignments(IEnumerable<WorkerPlacementRow> history) =>
        history.Where(p => p.Status is not (PlacementStatus.Cancelled or PlacementStatus.AwaitingSignOff)).Select(p => new AwrAssignment(p.JobRoleId, p.StartDate, p.EndDate));

    public static IEnumerable<AwrAssignment> Assignments(IEnumerable<Flags.PlacementHistoryRow> history) =>
        history.Where(p => p.Status is not (PlacementStatus.Cancelled or PlacementStatus.AwaitingSignOff)).Select(p => new AwrAssignment(p.JobRoleId, p.StartDate, p.EndDate));

    public static IEnumerable<AwrBreak> Breaks(Worker? worker) =>
        worker?.Breaks.Select(b => new AwrBreak(b.From, b.To, b.Reason)) ?? [];
}

/// <summary>The placements of some workers, as the AWR clock counts them.</summary>
public sealed class PlacementsOfWorkersSpec : Specification<Placement, WorkersPlacementRow>
{
    public PlacementsOfWorkersSpec(IReadOnlyCollection<int> workerIds)
    {
        Query.Where(p => workerIds.Contains(p.WorkerId));
        Query.Select(p => new WorkersPlacementRow(p.WorkerId, p.JobRoleId, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate, p.Status));
    }
}

public sealed record WorkersPlacementRow(int WorkerId, int JobRoleId, DateOnly StartDate, DateOnly EndDate, PlacementStatus Status);

/// <summary>Workers with their recorded breaks, for reading.</summary>
public sealed class WorkersWithBreaksSpec : Specification<Worker>
{
    public WorkersWithBreaksSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(w => ids.Contains(w.Id)).Include(w => w.Breaks).AsNoTracking();
    }
}
