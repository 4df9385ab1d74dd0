using System.Globalization;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;

namespace Connect2Luton.Application.Dashboard;

/// <summary>
/// The figures on the dashboard, each counted in the database as of today: every service's, or a hiring manager's
/// own service's alone. Each set is counted once and kept until a placement, requisition, service or role changes.
/// </summary>
public sealed class DashboardQueries(
    IReadRepository<Placement> placements,
    IReadRepository<Requisition> requisitions,
    IReadRepository<ServiceArea> serviceAreas,
    IReadRepository<JobRole> jobRoles,
    SingleFlightCache cache,
    ChangeCounters changes,
    Reports.ReportScope scope,
    Policies.IPlacementLengthPolicy lengths,
    TimeProvider clock)
{
    public async Task<DashboardFigures> GetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var only = scope.ServiceAreas(null);
        LengthBands? bands;
        try
        {
            bands = await lengths.LengthBandsAsync(cancellationToken);
        }
        catch (Policies.PolicyUnavailableException)
        {
            // The page everyone lands on still opens while the length rules are not serving; it counts no bands.
            bands = null;
        }
        var key = string.Create(CultureInfo.InvariantCulture,
            $"dashboard|{today:yyyy-MM-dd}|{(only is null ? "all" : string.Join(',', only))}|{bands?.ToString() ?? "no bands"}|{changes.Of<Placement>()}|{changes.Of<Requisition>()}|{changes.Of<ServiceArea>()}|{changes.Of<JobRole>()}");
        return await cache.GetAsync(key, () => CountAsync(today, only, bands, cancellationToken), _ => 1, cancellationToken);
    }

    private async Task<DashboardFigures> CountAsync(DateOnly today, IReadOnlyCollection<int>? only, LengthBands? bands, CancellationToken cancellationToken)
    {
        var areas = (await serviceAreas.ListAsync(new ServiceAreasByNameSpec(), cancellationToken)).Where(a => only is null || only.Contains(a.Id)).ToList();
        var dfeRoles = await jobRoles.ListAsync(new DfeRoleIdsSpec(), cancellationToken);
        var childrens = areas.Where(a => a.IsChildrensServices).Select(a => a.Id).ToList();

        var byService = await placements.CountByAsync(new LivePlacementsSpec(today, serviceAreaIds: only), p => p.ServiceAreaId, cancellationToken);
        // A deactivated service is counted while it still has someone in post.
        var headcount = areas
            .Where(a => a.IsActive || byService.GetValueOrDefault(a.Id) > 0)
            .Select(a => new ServiceHeadcount(a.Id, a.Name, byService.GetValueOrDefault(a.Id)))
            .ToList();

        return new DashboardFigures(
            today,
            byService.Values.Sum(),
            headcount,
            await placements.CountAsync(new LivePlacementsSpec(today, serviceAreaIds: childrens, jobRoleIds: dfeRoles), cancellationToken),
            bands,
            bands is null ? 0 : await placements.CountAsync(new LivePlacementsSpec(today, bands.AwrPointBefore(today), only), cancellationToken),
            bands is null ? 0 : await placements.CountAsync(new LivePlacementsSpec(today, bands.ReviewPointBefore(today), only), cancellationToken),
            bands is null ? 0 : await placements.CountAsync(new LivePlacementsSpec(today, bands.LongRunningBefore(today), only), cancellationToken),
            await requisitions.CountAsync(new RequisitionsInStatusSpec(RequisitionStatus.Open, only), cancellationToken),
            await requisitions.CountAsync(new RequisitionsInStatusSpec(RequisitionStatus.Submitted, only), cancellationToken));
    }
}
