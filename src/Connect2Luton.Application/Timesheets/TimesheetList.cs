using System.Globalization;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Timesheets;

/// <summary>What the timesheets list is narrowed to; the user's own service, agency or worker record applies on top.</summary>
/// <param name="HiringOrganisationId">The organisation the weeks are charged to; null for every organisation.</param>
public sealed record TimesheetFilter(TimesheetStatus? Status = null, int? ServiceAreaId = null, int? SupplyAgencyId = null, DateOnly? WeekStart = null, int? PlacementId = null,
    int? HiringOrganisationId = null);

/// <summary>A timesheet as the list shows it, before names are put to its ids.</summary>
public sealed record TimesheetRowData(
    int Id, int PlacementId, int WorkerId, int ServiceAreaId, int JobRoleId, int SupplyAgencyId, DateOnly WeekStart, int Sequence,
    TimesheetStatus Status, TimesheetEnteredAs EnteredAs, decimal Hours, decimal Charge, int Version = 0);

public sealed record TimesheetRow(TimesheetRowData Data, string Worker, string ServiceArea, string JobRole, string Supplier);

/// <summary>
/// Where a page of the list is in its order (week, then id, newest first): written into the links to the next
/// page as "2026-11-16.4512", so it is read from that row on rather than by counting past every row before it.
/// </summary>
public sealed record TimesheetCursor(DateOnly WeekStart, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WeekStart:yyyy-MM-dd}.{Id}");

    /// <summary>A cursor as written into a link; anything else (an edited address) is no cursor.</summary>
    public static TimesheetCursor? Parse(string? text) =>
        text?.Split('.') is [var date, var id]
        && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week)
        && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var timesheetId) && timesheetId > 0
            ? new TimesheetCursor(week, timesheetId)
            : null;
}

/// <summary>One page of timesheets and the cursors of the pages either side (null where there is none).</summary>
public sealed record TimesheetPage(IReadOnlyList<TimesheetRow> Rows, TimesheetCursor? Older, TimesheetCursor? Newer);

/// <summary>
/// A page of the timesheets list: after <paramref name="older"/> going back, or before <paramref name="newer"/>
/// coming forward (read oldest first and turned round), or from the newest. One row more than a page is read to
/// know whether there is another.
/// </summary>
public sealed class TimesheetListSpec : Specification<Timesheet, TimesheetRowData>
{
    public TimesheetListSpec(TimesheetFilter filter, TimesheetScope scope, TimesheetCursor? older, TimesheetCursor? newer, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(scope);
        if (filter.Status is { } status) Query.Where(t => t.Status == status);
        if (scope.ServiceAreas is { } areas) Query.Where(t => areas.Contains(t.ServiceAreaId));
        else if (filter.ServiceAreaId is { } area) Query.Where(t => t.ServiceAreaId == area);
        if (filter.HiringOrganisationId is { } organisation) Query.Where(t => t.HiringOrganisationId == organisation);
        if ((scope.SupplyAgency ?? filter.SupplyAgencyId) is { } agency) Query.Where(t => t.SupplyAgencyId == agency);
        if (scope.Worker is { } worker) Query.Where(t => t.WorkerId == worker);
        if (filter.WeekStart is { } week) Query.Where(t => t.WeekStart == week);
        if (filter.PlacementId is { } placement) Query.Where(t => t.PlacementId == placement);
        if (newer is { } after)
        {
            Query.Where(t => t.WeekStart > after.WeekStart || (t.WeekStart == after.WeekStart && t.Id > after.Id));
            Query.OrderBy(t => t.WeekStart).ThenBy(t => t.Id);
        }
        else
        {
            if (older is { } before) Query.Where(t => t.WeekStart < before.WeekStart || (t.WeekStart == before.WeekStart && t.Id < before.Id));
            Query.OrderByDescending(t => t.WeekStart).ThenByDescending(t => t.Id);
        }
        Query.Take(take);
        Query.Select(t => new TimesheetRowData(t.Id, t.PlacementId, t.WorkerId, t.ServiceAreaId, t.JobRoleId, t.SupplyAgencyId, t.WeekStart, t.Sequence,
            t.Status, t.EnteredAs, t.Hours, t.Charge, t.Version));
    }
}

/// <summary>Which timesheets a user sees: their services', their agency's, or their own as a worker (null: no limit of that kind).</summary>
public sealed record TimesheetScope(IReadOnlyCollection<int>? ServiceAreas, int? SupplyAgency, int? Worker)
{
    /// <summary>A worker sees their own weeks and agency staff their agency's, whatever the service; council staff their services'.</summary>
    public static TimesheetScope Of(Common.Identity.DataScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.OnlyWorker is { } worker) return new(null, null, worker);
        if (scope.OnlySupplyAgency is { } agency) return new(null, agency, null);
        return new(scope.ServiceAreas, null, null);
    }
}
