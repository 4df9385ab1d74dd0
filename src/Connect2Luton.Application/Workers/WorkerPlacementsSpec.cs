using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Workers;

/// <summary>A worker's placements, latest first.</summary>
public sealed class WorkerPlacementsSpec : Specification<Placement, WorkerPlacementRow>
{
    public WorkerPlacementsSpec(int workerId)
    {
        Query.Where(p => p.WorkerId == workerId).OrderByDescending(p => p.StartDate);
        Query.Select(p => new WorkerPlacementRow(p.Id, p.RequisitionId, p.JobRoleId, p.ServiceAreaId, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate, p.Status));
    }
}

public static class WorkerPlacementClash
{
    /// <summary>
    /// The worker's earliest live placement (or booking waiting for sign-off, which holds the worker meanwhile) that
    /// runs on any of the days, other than <paramref name="except"/>; null if none does.
    /// </summary>
    public static WorkerPlacementRow? Within(IEnumerable<WorkerPlacementRow> placements, DateOnly from, DateOnly to, int? except = null) =>
        placements.Where(p => p.Id != except && p.Status is PlacementStatus.Active or PlacementStatus.AwaitingSignOff && p.StartDate <= to && p.EndDate >= from).MinBy(p => p.StartDate);

    /// <summary>
    /// The worker's earliest other placement on the days an extension of <paramref name="placement"/> to
    /// <paramref name="newEnd"/> would add, read from the database; null if none. Asked when an extension is asked for
    /// and again when it is signed into force, since the worker may have been booked meanwhile.
    /// </summary>
    public static async Task<WorkerPlacementRow?> ExtendingAsync(IReadRepository<Placement> placements, Placement placement, DateOnly newEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placements);
        ArgumentNullException.ThrowIfNull(placement);
        return Within(await placements.ListAsync(new WorkerPlacementsSpec(placement.WorkerId), cancellationToken), placement.PlannedEndDate.AddDays(1), newEnd, except: placement.Id);
    }
}

public sealed record WorkerPlacementRow(int Id, int RequisitionId, int JobRoleId, int ServiceAreaId, DateOnly StartDate, DateOnly EndDate, PlacementStatus Status);
