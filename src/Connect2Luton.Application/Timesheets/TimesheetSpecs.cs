using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Timesheets;

/// <summary>A timesheet with its hours, lines and history.</summary>
public sealed class TimesheetByIdSpec : Specification<Timesheet>
{
    public TimesheetByIdSpec(int id, bool forUpdate)
    {
        Query.Where(t => t.Id == id).Include(t => t.Entries).Include(t => t.Lines).Include(t => t.History);
        if (!forUpdate) Query.AsNoTracking();
    }
}

/// <summary>Whether a placement's week has a timesheet: the week's unique index, read alone.</summary>
public sealed class WeekStartedSpec : Specification<Timesheet>
{
    public WeekStartedSpec(int placementId, DateOnly weekStart) =>
        Query.Where(t => t.PlacementId == placementId && t.WeekStart == weekStart);
}

/// <summary>Whether a placement's week has a timesheet after the one given (a correction started since).</summary>
public sealed class LaterInWeekSpec : Specification<Timesheet>
{
    public LaterInWeekSpec(int placementId, DateOnly weekStart, int sequence) =>
        Query.Where(t => t.PlacementId == placementId && t.WeekStart == weekStart && t.Sequence > sequence);
}

/// <summary>A placement's timesheets for one week, the first and each adjustment, in order.</summary>
public sealed class TimesheetsOfWeekSpec : Specification<Timesheet>
{
    public TimesheetsOfWeekSpec(int placementId, DateOnly weekStart, bool forUpdate)
    {
        Query.Where(t => t.PlacementId == placementId && t.WeekStart == weekStart)
            .Include(t => t.Entries).Include(t => t.Lines).Include(t => t.History)
            .OrderBy(t => t.Sequence);
        if (!forUpdate) Query.AsNoTracking();
    }
}

/// <summary>Timesheets by id, for approving many at once.</summary>
public sealed class TimesheetsByIdSpec : Specification<Timesheet>
{
    public TimesheetsByIdSpec(IReadOnlyCollection<int> ids) =>
        Query.Where(t => ids.Contains(t.Id)).Include(t => t.Entries).Include(t => t.Lines);
}

/// <summary>The approved timesheets that adjustments being approved correct, for their lines to be reversed.</summary>
public sealed class AdjustedTimesheetsSpec : Specification<Timesheet>
{
    public AdjustedTimesheetsSpec(IReadOnlyCollection<int> ids) =>
        Query.Where(t => ids.Contains(t.Id)).Include(t => t.Lines).AsNoTracking();
}

/// <summary>
/// A placement with its rate changes and nothing else of its history: what a week is checked and priced on (its dates,
/// status, rates and rate changes), read on every timesheet page and save.
/// </summary>
public sealed class PlacementWithRatesSpec : Specification<Domain.Placements.Placement>
{
    public PlacementWithRatesSpec(int id) =>
        Query.Where(p => p.Id == id).Include(p => p.RateChanges).AsNoTracking();
}

/// <summary>Placements with their rate changes, for pricing many weeks at once.</summary>
public sealed class PlacementsWithRatesSpec : Specification<Domain.Placements.Placement>
{
    public PlacementsWithRatesSpec(IReadOnlyCollection<int> ids) =>
        Query.Where(p => ids.Contains(p.Id)).Include(p => p.RateChanges).AsNoTracking();
}
