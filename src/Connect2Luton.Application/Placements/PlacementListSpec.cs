using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements;

/// <summary>Placements, latest start first: the live ones on a day, or all of them; optionally one service area's.</summary>
public sealed class PlacementListSpec : Specification<Placement, PlacementRow>
{
    public PlacementListSpec(DateOnly? liveOn, int? serviceAreaId, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (liveOn is { } day) Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= day);
        if (serviceAreaId is { } area) Query.Where(p => p.ServiceAreaId == area);
        Query.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).Skip(page.Skip).Take(page.Size);
        Query.Select(p => new PlacementRow(p.Id, p.WorkerId, p.ServiceAreaId, p.JobRoleId, p.StartDate, p.PlannedEndDate, p.ActualEndDate,
            p.Status, p.Rates.PayRate, p.Rates.ChargeRate, p.WeeklyHours));
    }
}

public sealed record PlacementRow(
    int Id, int WorkerId, int ServiceAreaId, int JobRoleId, DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? ActualEndDate,
    PlacementStatus Status, decimal PayRate, decimal ChargeRate, decimal WeeklyHours);
