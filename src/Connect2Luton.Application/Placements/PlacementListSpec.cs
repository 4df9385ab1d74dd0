using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements;

/// <summary>Placements, latest start first, narrowed by the filter; paged for the list, whole for the export.</summary>
public sealed class PlacementListSpec : Specification<Placement, PlacementRow>
{
    public PlacementListSpec(PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds, PageRequest? page)
    {
        ArgumentNullException.ThrowIfNull(filter);
        switch (filter.Show)
        {
            case PlacementShow.InPost:
                Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today);
                break;
            case PlacementShow.Booked:
                Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate > today);
                break;
            case PlacementShow.Closed:
                Query.Where(p => p.Status != PlacementStatus.Active);
                break;
        }
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        if (jobRoleIds is not null) Query.Where(p => jobRoleIds.Contains(p.JobRoleId));
        if (filter.CapExceptionsOnly) Query.Where(p => p.CapExceptions.Any());
        Query.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).AsNoTracking();
        if (page is not null) Query.Skip(page.Skip).Take(page.Size);
        Query.Select(p => new PlacementRow(p.Id, p.WorkerId, p.ServiceAreaId, p.JobRoleId, p.SupplyAgencyId, p.StartDate, p.PlannedEndDate, p.ActualEndDate,
            p.Status, p.Rates.PayRate, p.Rates.ChargeRate, p.WeeklyHours, p.CapExceptions.Any()));
    }
}

public sealed record PlacementRow(
    int Id, int WorkerId, int ServiceAreaId, int JobRoleId, int SupplyAgencyId, DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? ActualEndDate,
    PlacementStatus Status, decimal PayRate, decimal ChargeRate, decimal WeeklyHours, bool OverCap);
