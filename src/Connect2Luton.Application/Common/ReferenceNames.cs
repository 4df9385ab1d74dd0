using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Common;

/// <summary>
/// Service areas, roles and supply agencies by id, for lists that show names. Aggregates refer to each other by id, and these
/// tables are small, so one read of each serves a whole page.
/// </summary>
public sealed class ReferenceNames(IReadRepository<ServiceArea> serviceAreas, IReadRepository<JobRole> jobRoles, IReadRepository<SupplyAgency> agencies)
{
    public async Task<IReadOnlyList<ServiceAreaSummary>> ServiceAreasAsync(CancellationToken cancellationToken) =>
        await serviceAreas.ListAsync(new ServiceAreasByNameSpec(), cancellationToken);

    public async Task<IReadOnlyList<JobRoleSummary>> JobRolesAsync(CancellationToken cancellationToken) =>
        await jobRoles.ListAsync(new JobRolesByTitleSpec(), cancellationToken);

    public async Task<IReadOnlyList<SupplyAgencySummary>> SupplyAgenciesAsync(CancellationToken cancellationToken) =>
        await agencies.ListAsync(new SupplyAgencyNamesSpec(), cancellationToken);
}
