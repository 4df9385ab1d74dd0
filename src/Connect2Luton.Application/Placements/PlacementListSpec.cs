using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements;

/// <summary>Which placements the list's filter matches, latest start first.</summary>
internal static class PlacementListCriteria
{
    public static void Apply(ISpecificationBuilder<Placement> query, PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds)
    {
        ArgumentNullException.ThrowIfNull(filter);
        switch (filter.Show)
        {
            case PlacementShow.InPost:
                query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today);
                break;
            case PlacementShow.Booked:
                query.Where(p => p.Status == PlacementStatus.Active && p.StartDate > today);
                break;
            case PlacementShow.AwaitingSignOff:
                query.Where(p => p.Status == PlacementStatus.AwaitingSignOff);
                break;
            case PlacementShow.Closed:
                query.Where(p => p.Status != PlacementStatus.Active && p.Status != PlacementStatus.AwaitingSignOff);
                break;
        }
        if (serviceAreaIds is not null) query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        if (jobRoleIds is not null) query.Where(p => jobRoleIds.Contains(p.JobRoleId));
        if (filter.CapExceptionsOnly) query.Where(p => p.CapExceptions.Any());
        query.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id);
    }
}

/// <summary>
/// The ids on one page of the list. Read from the start-date indexes alone, so skipping to page 40 steps over
/// index entries, not rows; the rows themselves are read by id afterwards.
/// </summary>
public sealed class PlacementPageIdsSpec : Specification<Placement, int>
{
    public PlacementPageIdsSpec(PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        PlacementListCriteria.Apply(Query, filter, today, serviceAreaIds, jobRoleIds);
        Query.Skip(page.Skip).Take(page.Size);
        Query.Select(p => p.Id);
    }
}

/// <summary>Every placement the filter matches, as list rows: for the export, read as a stream.</summary>
public sealed class PlacementListSpec : Specification<Placement, PlacementRow>
{
    public PlacementListSpec(PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds)
    {
        PlacementListCriteria.Apply(Query, filter, today, serviceAreaIds, jobRoleIds);
        Query.Select(PlacementRow.From);
    }
}

/// <summary>The list rows of the given placements.</summary>
public sealed class PlacementRowsSpec : Specification<Placement, PlacementRow>
{
    public PlacementRowsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(p => ids.Contains(p.Id));
        Query.Select(PlacementRow.From);
    }
}

public sealed record PlacementRow(
    int Id, int WorkerId, int ServiceAreaId, int JobRoleId, int SupplyAgencyId, DateOnly StartDate, DateOnly PlannedEndDate, DateOnly? ActualEndDate,
    PlacementStatus Status, decimal PayRate, decimal ChargeRate, decimal WeeklyHours, bool OverCap)
{
    internal static readonly System.Linq.Expressions.Expression<Func<Placement, PlacementRow>> From = p => new PlacementRow(
        p.Id, p.WorkerId, p.ServiceAreaId, p.JobRoleId, p.SupplyAgencyId, p.StartDate, p.PlannedEndDate, p.ActualEndDate,
        p.Status, p.Rates.PayRate, p.Rates.ChargeRate, p.WeeklyHours, p.CapExceptions.Any());
}
