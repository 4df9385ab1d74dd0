using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Reports;

/// <summary>Placements someone was in post on, on a day: started by then and not ended before it (booked-but-cancelled never counts).</summary>
public sealed class InPostOnSpec : Specification<Placement>
{
    public InPostOnSpec(DateOnly on, IReadOnlyCollection<int>? serviceAreaIds = null, IReadOnlyCollection<int>? jobRoleIds = null)
    {
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.StartDate <= on && (p.ActualEndDate ?? p.PlannedEndDate) >= on).AsNoTracking();
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        if (jobRoleIds is not null) Query.Where(p => jobRoleIds.Contains(p.JobRoleId));
    }
}

/// <summary>Every service, by name, with its establishment where known.</summary>
public sealed class ServiceAreasWithEstablishmentSpec : Specification<Domain.ServiceAreas.ServiceArea>
{
    public ServiceAreasWithEstablishmentSpec() => Query.OrderBy(a => a.Name).AsNoTracking();
}

/// <summary>Placements in post today that started on or before a date (12 months ago, for the long-running list), as rows.</summary>
public sealed class LongRunningPlacementRowsSpec : Specification<Placement, LongRunningPlacementRow>
{
    public LongRunningPlacementRowsSpec(DateOnly startedOnOrBefore, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds)
    {
        var startedBy = startedOnOrBefore < today ? startedOnOrBefore : today;
        Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= startedBy);
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => new LongRunningPlacementRow(p.Id, p.WorkerId, p.JobRoleId, p.ServiceAreaId, p.StartDate, p.PlannedEndDate, p.Rates.ChargeRate, p.WeeklyHours));
    }
}

public sealed record LongRunningPlacementRow(int Id, int WorkerId, int JobRoleId, int ServiceAreaId, DateOnly StartDate, DateOnly PlannedEndDate, decimal ChargeRate, decimal WeeklyHours);
