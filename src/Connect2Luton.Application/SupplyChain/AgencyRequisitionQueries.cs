using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// The requisitions released to the user's agency, and nothing else: a requisition not released to it is not found,
/// whoever asks for it by number.
/// </summary>
public sealed class AgencyRequisitionQueries(
    IReadRepository<ReleasedProfile> released,
    IReadRepository<Domain.SupplyAgencies.SupplyAgency> agencies,
    IReadRepository<Requisition> requisitions,
    IReadRepository<JobRole> jobRoles,
    ReferenceNames names,
    DataScope scope,
    SingleFlightCache cache,
    ChangeCounters changes,
    TimeProvider clock)
{
    /// <summary>
    /// Those still taking candidates, soonest start first; null for a user who acts for no agency. Every agency of a
    /// kind sees the same list, so its order is worked out once per kind and kept until a requisition or a release
    /// changes (or the day turns); a page then reads only its own rows.
    /// </summary>
    public async Task<PagedResult<SuppliedRequisition>?> TakingCandidatesAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (scope.OnlySupplyAgency is not { } agencyId) return null;
        // A deactivated agency's staff see nothing released; an agency sees what its kind was released.
        if (await agencies.FirstOrDefaultAsync(new ActiveAgencySpec(agencyId), cancellationToken) is not { } agency) return new PagedResult<SuppliedRequisition>([], page.Page, page.Size, 0);
        var today = clock.Today();
        var key = string.Create(CultureInfo.InvariantCulture,
            $"agency-vacancies|{agency.Profile.Key}|{today:yyyy-MM-dd}|{changes.Of<Requisition>()}|{changes.Of<ReleasedProfile>()}");
        var order = await cache.GetAsync(key, () => TakingCandidatesInOrderAsync(agency.Profile, today, cancellationToken), ids => ids.Length, cancellationToken);
        page = page.Within(order.Length);
        var onPage = order.Skip(page.Skip).Take(page.Size).ToList();
        if (onPage.Count == 0) return new PagedResult<SuppliedRequisition>([], page.Page, page.Size, order.Length);
        var rows = (await requisitions.ListAsync(new SuppliedRequisitionsSpec(onPage), cancellationToken)).ToDictionary(r => r.Id);
        var reached = (await released.ListAsync(new ReleasedToAgencySpec(agency.Profile, onPage), cancellationToken)).ToDictionary(r => r.RequisitionId);
        var describe = await DescriberAsync(cancellationToken);
        // Kept in the cached order; one filled or withdrawn since stays on its page, said as no longer taking candidates.
        var items = onPage.Where(id => rows.ContainsKey(id) && reached.ContainsKey(id)).Select(id => describe(rows[id], reached[id])).ToList();
        return new PagedResult<SuppliedRequisition>(items, page.Page, page.Size, order.Length);
    }

    /// <summary>
    /// The ids released to a kind of agency and still taking candidates, soonest start first: two narrow reads (the
    /// kind's releases from their index; every requisition still taking candidates, a few thousand at most) met in
    /// memory, rather than thousands of ids sent back to the database as a list.
    /// </summary>
    private async Task<int[]> TakingCandidatesInOrderAsync(AgencyProfile profile, DateOnly today, CancellationToken cancellationToken)
    {
        var reached = (await released.ListAsync(new ReleasedRequisitionIdsSpec(profile), cancellationToken)).ToHashSet();
        if (reached.Count == 0) return [];
        var open = await requisitions.ListAsync(new TakingCandidatesSpec(today), cancellationToken);
        return [.. open.Where(reached.Contains)];
    }

    /// <summary>One requisition released to the user's agency, taking candidates or not; null if it was not released to it.</summary>
    public async Task<SuppliedRequisition?> DetailsAsync(int id, CancellationToken cancellationToken)
    {
        if (scope.OnlySupplyAgency is not { } agencyId) return null;
        if (await agencies.FirstOrDefaultAsync(new ActiveAgencySpec(agencyId), cancellationToken) is not { } agency) return null;
        if (await released.FirstOrDefaultAsync(new ReleasedToSpec(id, agency.Profile), cancellationToken) is not { } release) return null;
        var row = await requisitions.FirstOrDefaultAsync(new SuppliedRequisitionsSpec([id]), cancellationToken);
        return row is null ? null : (await DescriberAsync(cancellationToken))(row, release);
    }

    private async Task<Func<SuppliedRequisitionRow, ReleasedRow, SuppliedRequisition>> DescriberAsync(CancellationToken cancellationToken)
    {
        var roles = (await jobRoles.ListAsync(new SuppliedRolesSpec(), cancellationToken)).ToDictionary(r => r.Id);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id);
        return (row, release) =>
        {
            var role = roles[row.JobRoleId];
            return new SuppliedRequisition(row.Id, row.Title, role.Title, role.JobFamily, role.DfeRoleType, role.RequiredRegistration, areas[row.ServiceAreaId].Name,
                row.WeeklyHours, row.StartDate, row.EndDate, row.MaximumPayRate, row.PositionsLeft,
                row.Status is RequisitionStatus.Approved or RequisitionStatus.Open && row.PositionsLeft > 0 && row.EndDate >= clock.Today(), release.Tier, release.ReleasedAt, role.RequiredDbsLevel);
        };
    }
}

/// <summary>What a supplier needs of each role: its title, family, the register its workers must be on, and whether the DfE rules apply.</summary>
public sealed class SuppliedRolesSpec : Specification<JobRole, SuppliedRole>
{
    public SuppliedRolesSpec() => Query.Select(r => new SuppliedRole(r.Id, r.Title, r.JobFamily, r.DfeRoleType, r.RequiredRegistration, r.RequiredDbsLevel));
}

public sealed record SuppliedRole(int Id, string Title, JobFamily JobFamily, DfeRoleType? DfeRoleType, RegistrationBody RequiredRegistration, Domain.Workers.DbsLevel? RequiredDbsLevel);
