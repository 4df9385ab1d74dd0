using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// What deciding releases reads once, however many requisitions it decides: the moment it decides for, the
/// agencies by profile, the in-house pool's matching workers by job family, and the roles and services.
/// </summary>
public sealed class ReleaseContext(DateTimeOffset now, AgencyProfiles profiles, IReadOnlyDictionary<JobFamily, int> matching,
    IReadOnlyDictionary<int, JobRoleSummary> roles, IReadOnlyDictionary<int, bool> childrensServices)
{
    private readonly DateTime _localNow = UkClock.InUk(now).DateTime;

    public DateTimeOffset Now => now;

    public AgencyProfiles Profiles => profiles;

    /// <summary>The facts of a requisition for each profile, decided by the serving rules.</summary>
    public async ValueTask<ReleaseDecisions> DecideAsync(ISupplierReleasePolicy policy, ReleasableRequisition requisition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var facts = FactsOf(requisition);
        var decided = new List<(AgencyProfile, SupplierReleaseDecision)>(profiles.All.Count);
        foreach (var profile in profiles.All)
            decided.Add((profile, await policy.DecideAsync(PolicyFacts.SupplierRelease(facts, profile.Tier, profile.OnDps, profile.ConfirmsDfeAgencyRules), cancellationToken)));
        return new ReleaseDecisions(requisition, decided);
    }

    /// <summary>A requisition's facts, as the in-house pool would be decided on them; each profile changes only the supplier.</summary>
    public SupplierReleaseFacts FactsOf(ReleasableRequisition requisition)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        var role = roles[requisition.JobRoleId];
        return PolicyFacts.SupplierRelease(requisition.ApprovedAt, UkClock.InUk(requisition.ApprovedAt).DateTime, now, _localNow, role.JobFamily, role.DfeRoleType,
            childrensServices.GetValueOrDefault(requisition.ServiceAreaId), matching.GetValueOrDefault(role.JobFamily), requisition.StartDate, requisition.PositionsLeft);
    }
}

/// <summary>The release rules' decision for each profile of agency, about one requisition.</summary>
public sealed record ReleaseDecisions(ReleasableRequisition Requisition, IReadOnlyList<(AgencyProfile Profile, SupplierReleaseDecision Decision)> ByProfile)
{
    /// <summary>The profiles of a tier the rules release to now, and the version of the rules that said so.</summary>
    public (IReadOnlyList<AgencyProfile> Profiles, string? Version) DueIn(SupplyAgencyKind tier) => Gather(tier, d => d.Releases);

    /// <summary>The profiles of a tier the rules do not rule out for good: those a recruiter may release to early.</summary>
    public (IReadOnlyList<AgencyProfile> Profiles, string? Version) AllowedIn(SupplyAgencyKind tier) =>
        Gather(tier, d => d.Outcome != SupplierReleaseOutcome.Never);

    private (IReadOnlyList<AgencyProfile>, string?) Gather(SupplyAgencyKind tier, Func<SupplierReleaseDecision, bool> takes)
    {
        var taken = ByProfile.Where(p => p.Profile.Tier == tier && takes(p.Decision)).ToList();
        return ([.. taken.Select(p => p.Profile)], taken.Select(p => p.Decision.Details.Version).FirstOrDefault());
    }
}

/// <summary>Reads what deciding releases needs, once.</summary>
public sealed class ReleaseContexts(IReadRepository<Domain.SupplyAgencies.SupplyAgency> agencies, IReadRepository<Worker> workers, ReferenceNames names)
{
    public async Task<ReleaseContext> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await agencies.ListAsync(new ActiveAgenciesSpec(), cancellationToken);
        var inHouse = await agencies.ListAsync(new InHousePoolIdsSpec(), cancellationToken);
        var today = DateOnly.FromDateTime(UkClock.InUk(now).DateTime);
        var matching = inHouse.Count == 0
            ? new Dictionary<JobFamily, int>()
            : await workers.CountByAsync(new MatchingInHouseWorkersSpec(inHouse, today), w => w.JobFamily, cancellationToken);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.IsChildrensServices);
        return new ReleaseContext(now, new AgencyProfiles(active), matching, roles, areas);
    }
}
