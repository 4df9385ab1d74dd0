using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>An agency that can be reached today, with its profile.</summary>
public sealed record ActiveAgency(int Id, SupplyAgencyKind Kind, bool OnDps, bool ConfirmsDfeAgencyRules)
{
    public AgencyProfile Profile => Kind == SupplyAgencyKind.InHousePool ? AgencyProfile.InHousePool : new(Kind, OnDps, ConfirmsDfeAgencyRules);
}

/// <summary>The agencies a requisition can be released to: every active one but the in-house pool, which is the council's own.</summary>
public sealed class ActiveAgenciesSpec : Specification<SupplyAgency, ActiveAgency>
{
    public ActiveAgenciesSpec()
    {
        Query.Where(a => a.IsActive && a.Kind != SupplyAgencyKind.InHousePool).OrderBy(a => a.Id);
        Query.Select(a => new ActiveAgency(a.Id, a.Kind, a.DpsReference != null, a.ConfirmsDfeAgencyRules));
    }
}

/// <summary>One agency, if it is active, with its profile: what its staff see is what its profile was released.</summary>
public sealed class ActiveAgencySpec : Specification<SupplyAgency, ActiveAgency>
{
    public ActiveAgencySpec(int id)
    {
        Query.Where(a => a.Id == id && a.IsActive);
        Query.Select(a => new ActiveAgency(a.Id, a.Kind, a.DpsReference != null, a.ConfirmsDfeAgencyRules));
    }
}

/// <summary>
/// The active agencies as one run of the release sees them, by profile: a requisition is decided once a profile (a
/// handful) rather than once an agency (hundreds), and released to a profile, not to each of its agencies.
/// </summary>
public sealed class AgencyProfiles
{
    private readonly Dictionary<AgencyProfile, List<int>> _byProfile = [];

    public AgencyProfiles(IEnumerable<ActiveAgency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        foreach (var agency in agencies.Where(a => a.Kind != SupplyAgencyKind.InHousePool).DistinctBy(a => a.Id))
        {
            if (!_byProfile.TryGetValue(agency.Profile, out var ids)) _byProfile[agency.Profile] = ids = [];
            ids.Add(agency.Id);
        }
        // The in-house pool first, then the tiers in the order they see a requisition.
        All = [AgencyProfile.InHousePool, .. _byProfile.Keys.OrderBy(p => p.Tier).ThenByDescending(p => p.OnDps).ThenByDescending(p => p.ConfirmsDfeAgencyRules)];
    }

    /// <summary>Every profile a requisition is decided for: the in-house pool's and each one some active agency has.</summary>
    public IReadOnlyList<AgencyProfile> All { get; }

    public int Count => _byProfile.Values.Sum(ids => ids.Count);

    /// <summary>The active agencies of a profile (none for the in-house pool).</summary>
    public IReadOnlyList<int> IdsOf(AgencyProfile profile) => _byProfile.TryGetValue(profile, out var ids) ? ids : [];

    /// <summary>The profiles with how many agencies each holds today, as a release records them.</summary>
    public IReadOnlyList<ProfileReach> Reach(IEnumerable<AgencyProfile> profiles) => [.. profiles.Select(p => new ProfileReach(p, IdsOf(p).Count))];
}
