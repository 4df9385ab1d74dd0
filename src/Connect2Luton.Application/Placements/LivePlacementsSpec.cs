using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements;

/// <summary>
/// Placements live on a day (booked, started and not ended), optionally only those that started on or before a
/// date, or in given service areas or roles.
/// </summary>
public sealed class LivePlacementsSpec : Specification<Placement>
{
    public LivePlacementsSpec(
        DateOnly asOf,
        DateOnly? startedOnOrBefore = null,
        IReadOnlyCollection<int>? serviceAreaIds = null,
        IReadOnlyCollection<int>? jobRoleIds = null)
    {
        var startedBy = startedOnOrBefore is { } date && date < asOf ? date : asOf;
        Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= startedBy).AsNoTracking();
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        if (jobRoleIds is not null) Query.Where(p => jobRoleIds.Contains(p.JobRoleId));
    }
}
