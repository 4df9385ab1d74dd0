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

public sealed record WorkerPlacementRow(int Id, int RequisitionId, int JobRoleId, int ServiceAreaId, DateOnly StartDate, DateOnly EndDate, PlacementStatus Status);
