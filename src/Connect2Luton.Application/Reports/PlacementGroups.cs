using System.Globalization;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// Live placements summed in the database by service, role and supplier: the one grouped read the workforce and
/// spend reports are rolled up from. Costs are committed spend: the rate times the contracted weekly hours.
/// </summary>
/// <param name="WeeklyPayAndStatutoryCosts">Pay, holiday pay and employer NI for a week: what any agency's margin is charged on.</param>
/// <param name="PastAwrPoint">Of the headcount, how many have run past the placement-length rules' AWR point (and so on for the others).</param>
public sealed record PlacementGroup(
    int ServiceAreaId, int JobRoleId, int SupplyAgencyId, int Headcount, decimal WeeklyHours, decimal WeeklyCharge, decimal WeeklyMargin, decimal WeeklyPayAndStatutoryCosts,
    int PastAwrPoint = 0, int PastReviewPoint = 0, int PastLongRunningPoint = 0);

/// <summary>
/// The live placements' groups for a set of services, with how many in each have run past the placement-length
/// points. The dashboard and every report page read them, so they are kept until a placement changes, the day turns
/// or the length rules move a point (on this node at once; other nodes' changes show within the caches' minute). A
/// placement saved here regroups only its own service and role (which never change for a placement): at 300,000 in
/// post, grouping them all again took half a second, which every dashboard request after a booking waited for.
/// </summary>
public sealed class LivePlacementGroups(
    IReadRepository<Placement> placements, Policies.IPlacementLengthPolicy lengths, KeptAnswers<string, List<PlacementGroup>> kept, ChangeCounters changes, TimeProvider clock)
{
    /// <summary>More placements saved at once than this, and the groups are worked out whole.</summary>
    public const int MostRegroupedAlone = 64;

    public async Task<List<PlacementGroup>> ReadAsync(IReadOnlyCollection<int>? serviceAreaIds, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var bands = await lengths.LengthBandsIfServingAsync(cancellationToken);
        var key = string.Create(CultureInfo.InvariantCulture, $"placement-groups|{today:yyyy-MM-dd}|{ReportScope.KeyOf(serviceAreaIds)}|{bands?.ToString() ?? "no bands"}");
        return await kept.GetAsync(key, changes.Of<Placement>, (last, _) => WorkOutAsync(today, bands, serviceAreaIds, last, cancellationToken), cancellationToken);
    }

    private async Task<(List<PlacementGroup>, bool)> WorkOutAsync(
        DateOnly today, LengthBands? bands, IReadOnlyCollection<int>? serviceAreaIds, KeptAnswers<string, List<PlacementGroup>>.Kept? last, CancellationToken cancellationToken)
    {
        if (last is not null && changes.TryChangedSince<Placement>(last.Version, out var saved) && saved.Count <= MostRegroupedAlone)
        {
            var touched = (await placements.ListAsync(new ServicesAndRolesOfPlacementsSpec([.. saved]), cancellationToken))
                .Where(t => serviceAreaIds is null || serviceAreaIds.Contains(t.ServiceAreaId)).Distinct().ToList();
            var groups = last.Value.Where(g => !touched.Contains(new ServiceAndRole(g.ServiceAreaId, g.JobRoleId))).ToList();
            foreach (var pair in touched) groups.AddRange(await CountAsync(today, bands, serviceAreaIds, pair, cancellationToken));
            return (groups, false);
        }
        return (await CountAsync(today, bands, serviceAreaIds, null, cancellationToken), true);
    }

    private Task<List<PlacementGroup>> CountAsync(DateOnly today, LengthBands? bands, IReadOnlyCollection<int>? serviceAreaIds, ServiceAndRole? only, CancellationToken cancellationToken)
    {
        // Started on or before these days; with no rules, a day no placement starts on.
        var awr = bands?.AwrPointBefore(today) ?? DateOnly.MinValue;
        var review = bands?.ReviewPointBefore(today) ?? DateOnly.MinValue;
        var longRunning = bands?.LongRunningBefore(today) ?? DateOnly.MinValue;
        return placements.GroupAsync(
            new LivePlacementMoneySpec(today, serviceAreaIds, only),
            p => new { p.ServiceAreaId, p.JobRoleId, p.SupplyAgencyId },
            g => new PlacementGroup(
                g.Key.ServiceAreaId, g.Key.JobRoleId, g.Key.SupplyAgencyId, g.Count(),
                g.Sum(p => p.WeeklyHours), g.Sum(p => p.WeeklyCharge), g.Sum(p => p.WeeklyMargin), g.Sum(p => p.WeeklyPayAndStatutoryCosts),
                g.Count(p => p.StartDate <= awr), g.Count(p => p.StartDate <= review), g.Count(p => p.StartDate <= longRunning)),
            cancellationToken);
    }
}

/// <summary>A service and a job role: the part of a placement's group that a save can touch.</summary>
public sealed record ServiceAndRole(int ServiceAreaId, int JobRoleId);

/// <summary>The services and roles of the given placements.</summary>
public sealed class ServicesAndRolesOfPlacementsSpec : Specification<Placement, ServiceAndRole>
{
    public ServicesAndRolesOfPlacementsSpec(IReadOnlyCollection<int> placementIds)
    {
        Query.Where(p => placementIds.Contains(p.Id));
        Query.Select(p => new ServiceAndRole(p.ServiceAreaId, p.JobRoleId));
    }
}

/// <summary>Each live placement's week in money, flat, to be summed by group.</summary>
public sealed class LivePlacementMoneySpec : Specification<Placement, PlacementWeek>
{
    /// <param name="only">One service and role alone, where given (a placement saved there), read by the in-post index.</param>
    public LivePlacementMoneySpec(DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, ServiceAndRole? only = null)
    {
        Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today);
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        if (only is not null) Query.Where(p => p.ServiceAreaId == only.ServiceAreaId && p.JobRoleId == only.JobRoleId);
        // Set by name, not by constructor: the database groups the rows, and can only see through members it was given by name.
        Query.Select(p => new PlacementWeek
        {
            ServiceAreaId = p.ServiceAreaId,
            JobRoleId = p.JobRoleId,
            SupplyAgencyId = p.SupplyAgencyId,
            StartDate = p.StartDate,
            WeeklyHours = p.WeeklyHours,
            WeeklyCharge = p.CommittedWeek.Charge,
            WeeklyMargin = p.CommittedWeek.Margin,
            WeeklyPayAndStatutoryCosts = p.CommittedWeek.PayAndStatutoryCosts,
        });
    }
}

public sealed class PlacementWeek
{
    public int ServiceAreaId { get; init; }
    public int JobRoleId { get; init; }
    public int SupplyAgencyId { get; init; }
    public DateOnly StartDate { get; init; }
    public decimal WeeklyHours { get; init; }
    public decimal WeeklyCharge { get; init; }
    public decimal WeeklyMargin { get; init; }
    public decimal WeeklyPayAndStatutoryCosts { get; init; }
}
