using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

using static Connect2Luton.Application.Reports.ReportMoney;
using Connect2Luton.Domain.Conversions;

namespace Connect2Luton.Application.Reports;

/// <summary>A supplier's committed spend: what the council is charged for its workers in post, and the margin in it.</summary>
public sealed record SupplierSpend(string Name, SupplyAgencyKind Kind, int Headcount, decimal WeeklyCost, decimal YearlyCost, decimal WeeklyMargin);

/// <summary>
/// What a kind of supplier is charged against what external agencies would charge for the same workers at their
/// margins: pay, holiday pay and employer NI, with the external agencies' average margin on it.
/// </summary>
public sealed record MarginComparison(SupplyAgencyKind Kind, int Headcount, decimal WeeklyCharged, decimal WeeklyAtExternalMargins)
{
    public decimal WeeklySaving => WeeklyCharged == 0 ? 0 : WeeklyAtExternalMargins - WeeklyCharged;

    public decimal YearlySaving => WeeklySaving * ReportMoney.WeeksInAYear;
}

/// <summary>
/// The workers in post through one tier of supplier: how many, their share of everyone in post, and the margin in
/// them, so the tiers' fills and margins read side by side.
/// </summary>
/// <param name="Share">Of every agency worker in post, the fraction through this tier (0 when nobody is in post).</param>
public sealed record TierFills(SupplyAgencyKind Tier, int Headcount, decimal Share, decimal WeeklyMargin, decimal WeeklyPayAndStatutoryCosts)
{
    /// <summary>The committed weekly margin of an average worker in post through the tier, in pounds.</summary>
    public decimal? AverageWeeklyMargin => Headcount == 0 ? null : ReportMoney.Pounds(WeeklyMargin / Headcount);

    /// <summary>The margin as a share of the pay, holiday pay and employer NI it is charged on, as agencies quote theirs.</summary>
    public decimal? MarginRate => WeeklyPayAndStatutoryCosts == 0 ? null : WeeklyMargin / WeeklyPayAndStatutoryCosts;
}

/// <summary>A placement in post over 12 months: a year of it through the agency against a year of the permanent post.</summary>
public sealed record LongRunningPlacement(
    int PlacementId, string Worker, string Role, string ServiceArea, DateOnly StartDate, decimal WeeklyHours, decimal ChargeRate, decimal YearlyAgencyCost, decimal YearlyPermanentCost)
{
    public decimal YearlyExtra => YearlyAgencyCost - YearlyPermanentCost;
}

/// <param name="ExternalMarginRate">The average margin of the external agencies on the books; null when there are none to compare with.</param>
public sealed record SpendFigures(
    DateOnly AsOf,
    int? ServiceAreaId,
    decimal WeeklyCost,
    decimal YearlyCost,
    IReadOnlyList<WorkforceLine> ByService,
    IReadOnlyList<WorkforceLine> ByJobFamily,
    IReadOnlyList<SupplierSpend> BySupplier,
    decimal? ExternalMarginRate,
    IReadOnlyList<MarginComparison> Margins,
    int LongRunningCount,
    IReadOnlyList<LongRunningPlacement> LongRunning)
{
    /// <summary>How long a placement has been in post to be listed as long-running: the placement-length rules' point.</summary>
    public string LongRunningPoint { get; init; } = string.Empty;

    /// <summary>The workers in post by tier of supplier, every tier in order, with or without workers.</summary>
    public IReadOnlyList<TierFills> ByTier { get; init; } = [];
}

/// <summary>Committed yearly spend, and what the in-house pool and local agencies save a year against external margins.</summary>
public sealed record SpendSummary(decimal YearlyCost, decimal YearlySaving);

/// <summary>
/// Committed spend on the agency workforce in post: by service, job family and supplier (summed in the database),
/// what the in-house pool and local agencies save against external agencies' margins, and what each placement in
/// post over 12 months costs a year against the permanent post.
/// </summary>
public sealed class SpendReport(
    IReadRepository<Placement> placements,
    LivePlacementGroups live,
    IReadRepository<JobRole> jobRoles,
    IReadRepository<Worker> workers,
    WorkforceReport workforce,
    ReferenceNames names,
    IConversionPolicy conversions,
    IPlacementLengthPolicy lengths,
    ReportScope scope,
    TimeProvider clock)
{
    /// <summary>How many long-running placements the page lists, dearest against the permanent post first; the CSV has them all.</summary>
    public const int LongRunningShown = 50;

    public async Task<SpendFigures> GetAsync(int? serviceAreaId, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var areaIds = scope.ServiceAreas(serviceAreaId);
        var groups = await live.ReadAsync(areaIds, cancellationToken);
        var lines = await workforce.LinesAsync(groups, areaIds, cancellationToken);
        var suppliers = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(s => s.Id);

        var bySupplier = groups.GroupBy(g => g.SupplyAgencyId)
            .Select(s => (Supplier: suppliers[s.Key], Headcount: s.Sum(g => g.Headcount), Weekly: s.Sum(g => g.WeeklyCharge), Margin: s.Sum(g => g.WeeklyMargin)))
            .Select(s => new SupplierSpend(s.Supplier.Name, s.Supplier.Kind, s.Headcount, Pounds(s.Weekly), Pounds(s.Weekly * ReportMoney.WeeksInAYear), Pounds(s.Margin)))
            .OrderByDescending(s => s.WeeklyCost).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

        var (externalRate, margins) = Margins(groups, suppliers);
        var bands = await lengths.LengthBandsAsync(cancellationToken);
        var (count, longRunning) = await LongRunningAsync(today, bands, areaIds, every: false, cancellationToken);
        var weekly = groups.Sum(g => g.WeeklyCharge);
        return new SpendFigures(today, scope.ServiceArea(serviceAreaId), Pounds(weekly), Pounds(weekly * ReportMoney.WeeksInAYear), lines.ByService, lines.ByJobFamily,
            bySupplier, externalRate, margins, count, longRunning) { LongRunningPoint = bands.LongRunningPoint, ByTier = ByTier(groups, suppliers) };
    }

    /// <summary>
    /// Every placement in post over 12 months, dearest against the permanent post first: the long-running table's
    /// CSV, which needs none of the report's sums.
    /// </summary>
    public async Task<IReadOnlyList<LongRunningPlacement>> EveryLongRunningAsync(int? serviceAreaId, CancellationToken cancellationToken)
    {
        var bands = await lengths.LengthBandsAsync(cancellationToken);
        var (_, listed) = await LongRunningAsync(clock.Today(), bands, scope.ServiceAreas(serviceAreaId), every: true, cancellationToken);
        return listed;
    }

    // Tiers by the supplier's kind as the supplier list has it today, as the margins compare them.
    private static List<TierFills> ByTier(IReadOnlyList<PlacementGroup> groups, Dictionary<int, SupplyAgencies.SupplyAgencySummary> suppliers)
    {
        var inPost = groups.Sum(g => g.Headcount);
        return Enum.GetValues<SupplyAgencyKind>().Select(kind =>
        {
            var of = groups.Where(g => suppliers[g.SupplyAgencyId].Kind == kind).ToList();
            var headcount = of.Sum(g => g.Headcount);
            return new TierFills(kind, headcount, inPost == 0 ? 0m : (decimal)headcount / inPost, of.Sum(g => g.WeeklyMargin), of.Sum(g => g.WeeklyPayAndStatutoryCosts));
        }).ToList();
    }

    /// <summary>
    /// Committed yearly spend and the in-house and local agencies' yearly saving, for the dashboard: from the cached
    /// groups alone, without the long-running list the full report reads.
    /// </summary>
    public async Task<SpendSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var groups = await live.ReadAsync(scope.ServiceAreas(null), cancellationToken);
        var suppliers = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(s => s.Id);
        return new SpendSummary(Pounds(groups.Sum(g => g.WeeklyCharge) * ReportMoney.WeeksInAYear), Margins(groups, suppliers).Margins.Sum(m => m.YearlySaving));
    }

    // Compared with the agencies the council would otherwise use: their margins as the supplier list has them today.
    private static (decimal? ExternalRate, IReadOnlyList<MarginComparison> Margins) Margins(
        IReadOnlyList<PlacementGroup> groups, Dictionary<int, SupplyAgencies.SupplyAgencySummary> suppliers)
    {
        var external = suppliers.Values.Where(s => s.Kind == SupplyAgencyKind.ExternalAgency).ToList();
        if (external.Count == 0) return (null, []);
        var rate = external.Average(s => s.MarginRate);
        return (rate, new[] { SupplyAgencyKind.InHousePool, SupplyAgencyKind.LocalSupportingAgency }.Select(kind =>
        {
            var of = groups.Where(g => suppliers[g.SupplyAgencyId].Kind == kind).ToList();
            return new MarginComparison(kind, of.Sum(g => g.Headcount), Pounds(of.Sum(g => g.WeeklyCharge)), Pounds(of.Sum(g => g.WeeklyPayAndStatutoryCosts) * (1 + rate)));
        }).ToList());
    }

    private async Task<(int Count, IReadOnlyList<LongRunningPlacement> Listed)> LongRunningAsync(
        DateOnly today, LengthBands bands, IReadOnlyCollection<int>? areaIds, bool every, CancellationToken cancellationToken)
    {
        var rows = await placements.ListAsync(new LongRunningPlacementRowsSpec(bands.LongRunningBefore(today), today, areaIds), cancellationToken);
        if (rows.Count == 0) return (0, []);
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).ToDictionary(r => r.Id);
        var terms = await conversions.TermsAsync(cancellationToken);
        var costed = rows.Select(r => (Row: r, Costs: ConversionCosting.Yearly(r.ChargeRate, r.WeeklyHours, roles[r.JobRoleId], terms)))
            .OrderByDescending(c => c.Costs.Agency - c.Costs.Permanent).ThenBy(c => c.Row.Id).ToList();
        var listed = every ? costed : costed.Take(LongRunningShown).ToList();
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec(listed.Select(c => c.Row.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return (rows.Count, listed.Select(c => new LongRunningPlacement(c.Row.Id, workerNames.GetValueOrDefault(c.Row.WorkerId, "?"), roles[c.Row.JobRoleId].Title,
            areas.GetValueOrDefault(c.Row.ServiceAreaId, "?"), c.Row.StartDate, c.Row.WeeklyHours, c.Row.ChargeRate, c.Costs.Agency, c.Costs.Permanent)).ToList());
    }
}
