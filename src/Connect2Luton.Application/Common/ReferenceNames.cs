using System.Globalization;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Common;

/// <summary>
/// Service areas, roles and supply agencies by id, for lists that show names. Aggregates refer to each other by id,
/// and these tables are small and rarely change, so they are read once and kept until one of them changes.
/// </summary>
public sealed class ReferenceNames(
    IReadRepository<ServiceArea> serviceAreas, IReadRepository<JobRole> jobRoles, IReadRepository<SupplyAgency> agencies,
    IReadRepository<Domain.HiringOrganisations.HiringOrganisation> organisations, SingleFlightCache cache, ChangeCounters changes)
{
    public Task<IReadOnlyList<HiringOrganisations.HiringOrganisationRow>> HiringOrganisationsAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(Key<Domain.HiringOrganisations.HiringOrganisation>(), async () => (IReadOnlyList<HiringOrganisations.HiringOrganisationRow>)await organisations.ListAsync(new HiringOrganisations.HiringOrganisationRowsSpec(), cancellationToken), l => l.Count, cancellationToken);

    public Task<IReadOnlyList<ServiceAreaSummary>> ServiceAreasAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(Key<ServiceArea>(), async () => (IReadOnlyList<ServiceAreaSummary>)await serviceAreas.ListAsync(new ServiceAreasByNameSpec(), cancellationToken), l => l.Count, cancellationToken);

    public Task<IReadOnlyList<JobRoleSummary>> JobRolesAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(Key<JobRole>(), async () => (IReadOnlyList<JobRoleSummary>)await jobRoles.ListAsync(new JobRolesByTitleSpec(), cancellationToken), l => l.Count, cancellationToken);

    public Task<IReadOnlyList<SupplyAgencySummary>> SupplyAgenciesAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(Key<SupplyAgency>(), async () => (IReadOnlyList<SupplyAgencySummary>)await agencies.ListAsync(new SupplyAgencyNamesSpec(), cancellationToken), l => l.Count, cancellationToken);

    /// <summary>
    /// The services given (null: every one), narrowed to those of a hiring organisation where one is given: what a list
    /// or export filtered by organisation reads. An organisation with no services (or none of those given) reads none.
    /// </summary>
    public async Task<IReadOnlyCollection<int>?> OfOrganisationAsync(IReadOnlyCollection<int>? serviceAreaIds, int? hiringOrganisationId, CancellationToken cancellationToken)
    {
        if (hiringOrganisationId is not { } organisation) return serviceAreaIds;
        var ofOrganisation = (await ServiceAreasAsync(cancellationToken)).Where(a => a.HiringOrganisationId == organisation).Select(a => a.Id);
        return [.. serviceAreaIds is null ? ofOrganisation : ofOrganisation.Where(serviceAreaIds.Contains)];
    }

    private string Key<T>() => string.Create(CultureInfo.InvariantCulture, $"names|{typeof(T).Name}|{changes.Of<T>()}");
}
