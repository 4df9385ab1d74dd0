using System.Globalization;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Reports;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Dashboard;

/// <summary>Last week's hours as the dashboard shows them: how many placements that ran have none sent, and how many weeks wait for approval.</summary>
/// <param name="LastWeek">The Monday of the last whole week.</param>
public sealed record TimesheetFigures(DateOnly LastWeek, int NotSent, int WaitingApproval);

/// <summary>
/// Counted in the database: the placements that ran last week, those of them with their week sent, and the weeks
/// waiting for approval; missing is the difference, so it needs no list of placements. The sent and waiting counts
/// are kept until a timesheet is saved, so a week sent shows at once. Which placements ran last week changes only
/// when one's dates or status around it change (a back-dated booking, an end moved back), seldom against the saves
/// that move the placements' counter all day: that count is kept for the cache's minute, as another node's changes
/// are, and the dashboard stays within its few commands after a booking.
/// </summary>
public sealed class DashboardTimesheets(
    IReadRepository<Placement> placements,
    IReadRepository<Timesheet> timesheets,
    SingleFlightCache cache,
    ChangeCounters changes,
    ReportScope scope,
    ICurrentUser user,
    TimeProvider clock)
{
    /// <summary>Null for a user who does not see timesheets.</summary>
    public async Task<TimesheetFigures?> GetAsync(CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.SeeTimesheets)) return null;
        var lastWeek = TimesheetWeek.MondayOf(clock.Today()).AddDays(-7);
        var only = scope.ServiceAreas(null);
        var key = string.Create(CultureInfo.InvariantCulture, $"{lastWeek:yyyy-MM-dd}|{ReportScope.KeyOf(only)}");
        var ran = await cache.GetAsync($"dashboard-ran|{key}",
            () => placements.CountAsync(new RanInWeekSpec(lastWeek, only), cancellationToken), _ => 1, cancellationToken);
        var sent = await cache.GetAsync($"dashboard-sent|{key}|{changes.Of<Timesheet>()}",
            () => timesheets.CountAsync(new FirstSentSpec(lastWeek, only), cancellationToken), _ => 1, cancellationToken);
        var waiting = await cache.GetAsync($"dashboard-waiting|{ReportScope.KeyOf(only)}|{changes.Of<Timesheet>()}",
            () => timesheets.CountAsync(new WaitingApprovalSpec(only), cancellationToken), _ => 1, cancellationToken);
        return new TimesheetFigures(lastWeek, Math.Max(0, ran - sent), waiting);
    }
}

/// <summary>Placements that ran on some day of a week (<see cref="RanInWeek"/>), counted.</summary>
public sealed class RanInWeekSpec : Specification<Placement>
{
    public RanInWeekSpec(DateOnly weekStart, IReadOnlyCollection<int>? serviceAreas)
    {
        Query.Where(RanInWeek.Of(weekStart));
        if (serviceAreas is not null) Query.Where(p => serviceAreas.Contains(p.ServiceAreaId));
    }
}

/// <summary>
/// A week's first timesheets that have been sent (waiting or approved): one a placement, since a correction is only
/// ever started on an approved week.
/// </summary>
public sealed class FirstSentSpec : Specification<Timesheet>
{
    public FirstSentSpec(DateOnly weekStart, IReadOnlyCollection<int>? serviceAreas)
    {
        Query.Where(t => t.WeekStart == weekStart && t.Sequence == 0 && (t.Status == TimesheetStatus.Submitted || t.Status == TimesheetStatus.Approved));
        if (serviceAreas is not null) Query.Where(t => serviceAreas.Contains(t.ServiceAreaId));
    }
}

/// <summary>Timesheets sent and waiting for approval, any week.</summary>
public sealed class WaitingApprovalSpec : Specification<Timesheet>
{
    public WaitingApprovalSpec(IReadOnlyCollection<int>? serviceAreas)
    {
        Query.Where(t => t.Status == TimesheetStatus.Submitted);
        if (serviceAreas is not null) Query.Where(t => serviceAreas.Contains(t.ServiceAreaId));
    }
}
