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
