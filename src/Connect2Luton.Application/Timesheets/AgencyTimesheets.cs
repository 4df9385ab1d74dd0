using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Timesheets;

/// <summary>
/// A week an agency's worker still owes hours for: none entered (<paramref name="Status"/> null), saved and not sent,
/// or queried back with the hiring manager's reason.
/// </summary>
public sealed record OwedWeek(int PlacementId, string Worker, string JobRole, string ServiceArea, DateOnly WeekStart, TimesheetStatus? Status, TimesheetEnteredAs? EnteredAs, string? QueryReason);

/// <summary>The weeks an agency's workers owe, newest first, and whether there are more than the list holds.</summary>
public sealed record AgencyOwedWeeks(IReadOnlyList<OwedWeek> Weeks, bool More, DateOnly LastWeek);

/// <summary>
/// The weeks the user's agency still owes hours for, over its placements live in the weeks looked back on (as far as
/// a worker's own page looks): a week counts as sent once its latest timesheet waits for approval or is approved, so a
/// week queried back, or a correction queried back, is owed again until it is sent.
/// </summary>
public sealed class AgencyTimesheets(
    IReadRepository<Placement> placements,
    IReadRepository<Timesheet> timesheets,
    IReadRepository<Domain.Workers.Worker> workers,
    ReferenceNames names,
    DataScope scope,
    ICurrentUser user,
    TimeProvider clock)
{
    /// <summary>As far back as a worker's own page looks for weeks owed.</summary>
    public const int WeeksLookedBack = Workers.OwnRecord.OwnWorkerRecord.WeeksLookedBack;

    /// <summary>How many placements are read; an agency with more has its newest placements' weeks shown and is told there are more.</summary>
    public const int MostPlacements = 1_000;

    /// <summary>How many owed weeks the list shows.</summary>
    public const int MostShown = 200;

    /// <returns>Null for anyone not acting for an agency.</returns>
    public async Task<AgencyOwedWeeks?> OwedAsync(CancellationToken cancellationToken)
    {
        if (scope.OnlySupplyAgency is not { } agency || !user.May(Permissions.EnterTimesheets)) return null;
        var lastWeek = TimesheetWeek.MondayOf(clock.Today()).AddDays(-7);
        var earliest = lastWeek.AddDays(-7 * (WeeksLookedBack - 1));
        var live = await placements.ListAsync(new AgencyLivePlacementsSpec(agency, earliest, lastWeek.AddDays(6), MostPlacements + 1), cancellationToken);
        var morePlacements = live.Count > MostPlacements;
        if (morePlacements) live.RemoveAt(live.Count - 1);
        if (live.Count == 0) return new AgencyOwedWeeks([], false, lastWeek);

        var latest = (await timesheets.ListAsync(new AgencyWeeksSpec([.. live.Select(p => p.Id)], earliest), cancellationToken))
            .GroupBy(t => (t.PlacementId, t.WeekStart))
            .ToDictionary(g => g.Key, g => g.MaxBy(t => t.Sequence)!);
        var owed = new List<(AgencyPlacementRow Placement, DateOnly Week, AgencyWeekRow? Latest)>();
        foreach (var placement in live)
            for (var week = lastWeek; week >= earliest && week.AddDays(6) >= placement.StartDate; week = week.AddDays(-7))
            {
                if (week > placement.End) continue;
                var sheet = latest.GetValueOrDefault((placement.Id, week));
                if (sheet is null || sheet.Status is TimesheetStatus.Draft or TimesheetStatus.Queried) owed.Add((placement, week, sheet));
            }

        // Queried weeks first (the manager is waiting on a correction), then the newest.
        var shown = owed.OrderBy(o => o.Latest?.Status != TimesheetStatus.Queried).ThenByDescending(o => o.Week).ThenBy(o => o.Placement.Id).Take(MostShown).ToList();
        var workerNames = shown.Count == 0 ? [] : (await workers.ListAsync(new WorkerNamesSpec([.. shown.Select(o => o.Placement.WorkerId).Distinct()]), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return new AgencyOwedWeeks(
            [.. shown.Select(o => new OwedWeek(o.Placement.Id, workerNames.GetValueOrDefault(o.Placement.WorkerId, "(no longer on record)"),
                roles.GetValueOrDefault(o.Placement.JobRoleId, "(no longer on record)"), areas.GetValueOrDefault(o.Placement.ServiceAreaId, "(no longer on record)"),
                o.Week, o.Latest?.Status, o.Latest?.EnteredAs, o.Latest?.QueryReason))],
            morePlacements || owed.Count > MostShown, lastWeek);
    }
}

public sealed record AgencyPlacementRow(int Id, int WorkerId, int JobRoleId, int ServiceAreaId, DateOnly StartDate, DateOnly End);

/// <summary>An agency's placements that ran on some day from <c>since</c> to <c>until</c>, newest first.</summary>
public sealed class AgencyLivePlacementsSpec : Specification<Placement, AgencyPlacementRow>
{
    public AgencyLivePlacementsSpec(int supplyAgencyId, DateOnly since, DateOnly until, int take)
    {
        Query.Where(p => p.SupplyAgencyId == supplyAgencyId
                && (p.Status == PlacementStatus.Active || p.Status == PlacementStatus.Ended || p.Status == PlacementStatus.Converted)
                && p.StartDate <= until && (p.ActualEndDate ?? p.PlannedEndDate) >= since)
            .OrderByDescending(p => p.Id).Take(take);
        Query.Select(p => new AgencyPlacementRow(p.Id, p.WorkerId, p.JobRoleId, p.ServiceAreaId, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate));
    }
}

public sealed record AgencyWeekRow(int PlacementId, DateOnly WeekStart, int Sequence, TimesheetStatus Status, TimesheetEnteredAs EnteredAs, string? QueryReason);

/// <summary>Every timesheet of some placements from a week on, first and adjustments alike: which is each week's latest is worked out from them.</summary>
public sealed class AgencyWeeksSpec : Specification<Timesheet, AgencyWeekRow>
{
    public AgencyWeeksSpec(IReadOnlyCollection<int> placementIds, DateOnly since)
    {
        Query.Where(t => placementIds.Contains(t.PlacementId) && t.WeekStart >= since);
        Query.Select(t => new AgencyWeekRow(t.PlacementId, t.WeekStart, t.Sequence, t.Status, t.EnteredAs, t.QueryReason));
    }
}
