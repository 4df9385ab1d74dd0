using System.Globalization;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements;

/// <summary>Which placements the list's filter matches, latest start first (or, read from the end, earliest first).</summary>
internal static class PlacementListCriteria
{
    public static void Apply(ISpecificationBuilder<Placement> query, PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds,
        bool earliestFirst = false)
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
        if (earliestFirst) query.OrderBy(p => p.StartDate).ThenBy(p => p.Id);
        else query.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id);
    }
}

/// <summary>
/// Where a page of the list is in the order (start date, then id, latest first): the first or last row of the page
/// next to it, written into the links to that page as "2026-03-02.4512", so the page is read from that row on
/// instead of by counting past every row before it.
/// </summary>
public sealed record PlacementCursor(DateOnly StartDate, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartDate:yyyy-MM-dd}.{Id}");

    public static PlacementCursor Of(PlacementRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.StartDate, row.Id);
    }

    /// <summary>A cursor as written into a link; anything else (an edited address) is no cursor.</summary>
    public static PlacementCursor? Parse(string? text) =>
        text?.Split('.') is [var date, var id]
        && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDate)
        && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var placementId) && placementId > 0
            ? new PlacementCursor(startDate, placementId)
            : null;
}

/// <summary>
/// The ids on one page of the list, read from the start-date indexes alone; the rows themselves are read by id
/// afterwards. A page next to one the user has seen is read from its neighbour's edge (keyset); a page numbered
/// without one is counted to from whichever end of the list is nearer, so the last page costs what the first does.
/// </summary>
public sealed class PlacementPageIdsSpec : Specification<Placement, int>
{
    private PlacementPageIdsSpec() { }

    /// <summary>Read earliest first, to be turned round for the page.</summary>
    public bool ReadBackwards { get; private init; }

    /// <summary>Counted to past other rows, with no neighbour's edge to read on from.</summary>
    public bool CountsToThePage { get; private init; }

    /// <summary>Read on from a neighbouring page's edge row.</summary>
    public bool ReadsOnFromAnEdge { get; private init; }

    /// <summary>The filter's matches, for their count.</summary>
    public static PlacementPageIdsSpec Matching(PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds)
    {
        var spec = new PlacementPageIdsSpec();
        PlacementListCriteria.Apply(spec.Query, filter, today, serviceAreaIds, jobRoleIds);
        spec.Query.Select(p => p.Id);
        return spec;
    }

    /// <param name="total">How many the filter matches, which says how far the page is from the end.</param>
    /// <param name="after">The last row of the page before, when the link came from it.</param>
    /// <param name="before">The first row of the page after, when the link came from it.</param>
    public static PlacementPageIdsSpec Page(
        PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds, PageRequest page, int total,
        PlacementCursor? after = null, PlacementCursor? before = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var counted = page.FromNearerEnd(total);
        var backwards = after is null && (before is not null || counted.Backwards);
        var spec = new PlacementPageIdsSpec { ReadBackwards = backwards, CountsToThePage = after is null && before is null && counted.Skip > 0, ReadsOnFromAnEdge = after is not null || before is not null };
        PlacementListCriteria.Apply(spec.Query, filter, today, serviceAreaIds, jobRoleIds, earliestFirst: backwards);
        if (after is { } a)
        {
            // Later rows come first: the page after "a" is everything earlier than it. (The first condition alone narrows the index range.)
            spec.Query.Where(p => p.StartDate <= a.StartDate && (p.StartDate < a.StartDate || p.Id < a.Id)).Take(page.Size);
        }
        else if (before is { } b)
        {
            spec.Query.Where(p => p.StartDate >= b.StartDate && (p.StartDate > b.StartDate || p.Id > b.Id)).Take(page.Size);
        }
        else
        {
            if (counted.Skip > 0) spec.Query.Skip(counted.Skip);
            spec.Query.Take(counted.Take);
        }
        spec.Query.Select(p => p.Id);
        return spec;
    }
}

/// <summary>The ids of every placement the list's filter matches, in the list's order.</summary>
public sealed class PlacementListIdsSpec : Specification<Placement, int>
{
    public PlacementListIdsSpec(PlacementFilter filter, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds)
    {
        PlacementListCriteria.Apply(Query, filter, today, serviceAreaIds, jobRoleIds);
        Query.Select(p => p.Id);
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
