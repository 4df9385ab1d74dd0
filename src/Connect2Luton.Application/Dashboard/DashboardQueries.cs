using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Reports;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Dashboard;

/// <summary>
/// The figures on the dashboard, each counted in the database as of today: every service's, or a hiring manager's
/// own service's alone. Two reads when something changed (the live placements' groups the reports share, with
/// their lengths; the requisitions counted by status), each kept until a placement or a requisition changes; names
/// come from the reference data's own cache.
/// </summary>
public sealed class DashboardQueries(
    IReadRepository<Requisition> requisitions,
    LivePlacementGroups placementGroups,
    ReferenceNames names,
    SingleFlightCache cache,
    ChangeCounters changes,
    ReportScope scope,
    Policies.IPlacementLengthPolicy lengths,
    TimeProvider clock)
{
    private static readonly RequisitionStatus[] Counted = [RequisitionStatus.Open, RequisitionStatus.Submitted];

    public async Task<DashboardFigures> GetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var only = scope.ServiceAreas(null);
        // The page everyone lands on still opens while the length rules are not serving; it counts no bands.
        var bands = await lengths.LengthBandsIfServingAsync(cancellationToken);

        var areas = (await names.ServiceAreasAsync(cancellationToken)).Where(a => only is null || only.Contains(a.Id)).ToList();
        var dfeRoles = (await names.JobRolesAsync(cancellationToken)).Where(r => r.DfeRoleType is not null).Select(r => r.Id).ToHashSet();
        var childrens = areas.Where(a => a.IsChildrensServices).Select(a => a.Id).ToHashSet();
        var groups = await placementGroups.ReadAsync(only, cancellationToken);
        var byStatus = await RequisitionCountsAsync(only, cancellationToken);

        var byService = groups.GroupBy(g => g.ServiceAreaId).ToDictionary(g => g.Key, g => g.Sum(s => s.Headcount));
        // A deactivated service is counted while it still has someone in post.
        var headcount = areas
            .Where(a => a.IsActive || byService.GetValueOrDefault(a.Id) > 0)
            .Select(a => new ServiceHeadcount(a.Id, a.Name, byService.GetValueOrDefault(a.Id)))
            .ToList();

        return new DashboardFigures(
            today,
            groups.Sum(g => g.Headcount),
            headcount,
            groups.Where(g => childrens.Contains(g.ServiceAreaId) && dfeRoles.Contains(g.JobRoleId)).Sum(g => g.Headcount),
            bands,
            groups.Sum(g => g.PastAwrPoint),
            groups.Sum(g => g.PastReviewPoint),
            groups.Sum(g => g.PastLongRunningPoint),
            byStatus.GetValueOrDefault(RequisitionStatus.Open),
            byStatus.GetValueOrDefault(RequisitionStatus.Submitted));
    }

    private Task<Dictionary<RequisitionStatus, int>> RequisitionCountsAsync(IReadOnlyCollection<int>? only, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture,
            $"dashboard-requisitions|{ReportScope.KeyOf(only)}|{changes.Of<Requisition>()}");
        return cache.GetAsync(key, () => requisitions.CountByAsync(new RequisitionsInStatusSpec(Counted, only), r => r.Status, cancellationToken), _ => 1, cancellationToken);
    }
}
