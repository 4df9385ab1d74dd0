using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.ServiceAreas;

namespace Connect2Luton.Application.Reports;

/// <summary>A line of a workforce table: a service, a job family or a supplier, with its agency workers in post today.</summary>
/// <param name="Fte">Full-time equivalents: contracted weekly hours over the full-time week the conversion rules set.</param>
public sealed record WorkforceLine(string Name, int Headcount, decimal Fte, decimal WeeklyCost, decimal YearlyCost);

public sealed record LengthBandCount(string Band, int Placements);

/// <summary>Agency workers in post on the last day of a month (today, for this month).</summary>
public sealed record MonthCount(DateOnly On, int Placements);

/// <summary>Agency child and family social workers in children's services, the figure the council is watched on.</summary>
/// <param name="EstablishmentFte">The children's services establishment, where it is known.</param>
public sealed record SocialWorkFigures(int Count, decimal Fte, decimal? EstablishmentFte, IReadOnlyList<MonthCount> Trend)
{
    public decimal? ShareOfEstablishment => EstablishmentFte is > 0 ? Fte / EstablishmentFte : null;
}

public sealed record WorkforceFigures(
    DateOnly AsOf,
    int? ServiceAreaId,
    int Headcount,
    decimal Fte,
    IReadOnlyList<WorkforceLine> ByService,
    IReadOnlyList<WorkforceLine> ByJobFamily,
    IReadOnlyList<LengthBandCount> LengthBands,
    SocialWorkFigures SocialWork);

/// <summary>
/// The agency workforce in post today, by service and job family, by how long placements have run, and the agency
/// social workers in children's services with their trend by month. Counted and summed in the database.
/// </summary>
public sealed class WorkforceReport(
    IReadRepository<Placement> placements,
    LivePlacementGroups live,
    IReadRepository<ServiceArea> serviceAreas,
    ReferenceNames names,
    IConversionPolicy conversions,
    IPlacementLengthPolicy lengths,
    ReportScope scope,
    TimeProvider clock)
{
    public const int MostMonths = 36;

    /// <param name="months">How many months the social work trend goes back, this one included.</param>
    public async Task<WorkforceFigures> GetAsync(int? serviceAreaId, int months, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var areaIds = scope.ServiceAreas(serviceAreaId);
        var groups = await live.ReadAsync(areaIds, cancellationToken);
        var areas = await AreasAsync(areaIds, cancellationToken);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id);
        var fullTime = await FullTimeHoursAsync(cancellationToken);
        var (byService, byFamily) = Lines(groups, areas, roles, fullTime);

        var inPost = groups.Sum(g => g.Headcount);
        var points = await lengths.LengthBandsAsync(cancellationToken);
        var (pastAwr, pastReview, pastLongRunning) = (groups.Sum(g => g.PastAwrPoint), groups.Sum(g => g.PastReviewPoint), groups.Sum(g => g.PastLongRunningPoint));
        LengthBandCount[] bands =
        [
            new($"Under {points.AwrPoint}", inPost - pastAwr),
            new($"{points.AwrPoint} to {points.ReviewPoint}", pastAwr - pastReview),
            new($"{points.ReviewPoint} to {points.LongRunningPoint}", pastReview - pastLongRunning),
            new($"Over {points.LongRunningPoint}", pastLongRunning),
        ];

        var childrens = areas.Where(a => a.IsChildrensServices).ToList();
        var childrensIds = childrens.Select(a => a.Id).ToHashSet();
        var socialWorkerRoles = roles.Values.Where(r => r.DfeRoleType is not null).Select(r => r.Id).ToHashSet();
        var socialWork = groups.Where(g => childrensIds.Contains(g.ServiceAreaId) && socialWorkerRoles.Contains(g.JobRoleId)).ToList();
        var known = childrens.Where(a => a.EstablishmentFte is not null).ToList();
        // One grouped read for the whole trend: how many were in post for each span of dates, counted on each month's last day here.
        var monthEnds = MonthEnds(today, Math.Clamp(months, 1, MostMonths));
        var spans = childrensIds.Count == 0 ? [] : await placements.GroupAsync(
            new InPostSpansSpec(monthEnds[0], monthEnds[^1], childrensIds, socialWorkerRoles),
            p => new { p.StartDate, p.EndDate },
            g => new InPostSpan { StartDate = g.Key.StartDate, EndDate = g.Key.EndDate, Placements = g.Count() },
            cancellationToken);
        var trend = monthEnds.Select(on => new MonthCount(on, spans.Where(s => s.StartDate <= on && s.EndDate >= on).Sum(s => s.Placements))).ToList();

        return new WorkforceFigures(today, scope.ServiceArea(serviceAreaId), inPost, Fte(groups.Sum(g => g.WeeklyHours), fullTime), byService, byFamily, bands,
            new SocialWorkFigures(socialWork.Sum(g => g.Headcount), Fte(socialWork.Sum(g => g.WeeklyHours), fullTime),
                known.Count == 0 ? null : known.Sum(a => a.EstablishmentFte!.Value), trend));
    }

    /// <summary>The groups rolled up by service (every service in scope, with or without workers) and by job family.</summary>
    public async Task<(IReadOnlyList<WorkforceLine> ByService, IReadOnlyList<WorkforceLine> ByJobFamily)> LinesAsync(
        IReadOnlyList<PlacementGroup> groups, IReadOnlyCollection<int>? areaIds, CancellationToken cancellationToken) =>
        Lines(groups, await AreasAsync(areaIds, cancellationToken), (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id), await FullTimeHoursAsync(cancellationToken));

    private static (IReadOnlyList<WorkforceLine> ByService, IReadOnlyList<WorkforceLine> ByJobFamily) Lines(
        IReadOnlyList<PlacementGroup> groups, IReadOnlyList<ServiceArea> areas, Dictionary<int, JobRoles.JobRoleSummary> roles, int fullTime)
    {
        WorkforceLine Line(string name, IEnumerable<PlacementGroup> lines)
        {
            var list = lines.ToList();
            var weekly = list.Sum(g => g.WeeklyCharge);
            return new WorkforceLine(name, list.Sum(g => g.Headcount), Fte(list.Sum(g => g.WeeklyHours), fullTime), ReportMoney.Pounds(weekly), ReportMoney.Pounds(weekly * ReportMoney.WeeksInAYear));
        }

        var byService = areas.Select(a => Line(a.Name, groups.Where(g => g.ServiceAreaId == a.Id))).ToList();
        var byFamily = groups.GroupBy(g => roles[g.JobRoleId].JobFamily).OrderBy(f => f.Key.ToString(), StringComparer.Ordinal)
            .Select(f => Line(f.Key.ToString(), f)).ToList();
        return (byService, byFamily);
    }

    private async Task<List<ServiceArea>> AreasAsync(IReadOnlyCollection<int>? areaIds, CancellationToken cancellationToken) =>
        (await serviceAreas.ListAsync(new ServiceAreasWithEstablishmentSpec(), cancellationToken)).Where(a => areaIds is null || areaIds.Contains(a.Id)).ToList();

    private async Task<int> FullTimeHoursAsync(CancellationToken cancellationToken) => (await conversions.TermsAsync(cancellationToken)).FullTimeWeeklyHours;

    /// <summary>The last day of each month back from this one, oldest first; this month's is today.</summary>
    public static IReadOnlyList<DateOnly> MonthEnds(DateOnly today, int months) =>
        Enumerable.Range(0, months).Select(back => back == 0 ? today : new DateOnly(today.Year, today.Month, 1).AddMonths(-back + 1).AddDays(-1)).Reverse().ToList();

    private static decimal Fte(decimal weeklyHours, int fullTimeHours) => fullTimeHours <= 0 ? 0m : Math.Round(weeklyHours / fullTimeHours, 1, MidpointRounding.AwayFromZero);
}

public static class ReportMoney
{
    /// <summary>A year of committed spend is 52 weeks of it, as the conversion costs count a year.</summary>
    public const int WeeksInAYear = 52;

    /// <summary>A sum shown in pounds and pence, rounded half away from zero as the charge rates are.</summary>
    public static decimal Pounds(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
