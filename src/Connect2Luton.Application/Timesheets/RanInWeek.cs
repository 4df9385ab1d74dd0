using System.Linq.Expressions;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Timesheets;

/// <summary>
/// Which placements owe a week's hours: those that ran on some day of it (started by its end, not ended before its
/// start), booked and not cancelled. The reminders, the hours-not-sent list and the dashboard's count all ask this,
/// so they agree on who is missing.
/// </summary>
public static class RanInWeek
{
    public static Expression<Func<Placement, bool>> Of(DateOnly weekStart)
    {
        var weekEnd = weekStart.AddDays(6);
        return p => (p.Status == PlacementStatus.Active || p.Status == PlacementStatus.Ended || p.Status == PlacementStatus.Converted)
            && p.StartDate <= weekEnd && (p.ActualEndDate ?? p.PlannedEndDate) >= weekStart;
    }
}
