using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// What the release rules ask of a supplier: its tier, whether it is on the DPS, and whether it confirms the DfE
/// agency rules. Agencies alike in these are decided alike, so a requisition is decided once a profile (a handful)
/// rather than once an agency (hundreds).
/// </summary>
public sealed record AgencyProfile(SupplyAgencyKind Tier, bool OnDps, bool ConfirmsDfeAgencyRules)
{
    /// <summary>Connect2Luton's own pool: it has no agency to reach, and is decided once whatever records of it there are.</summary>
    public static AgencyProfile InHousePool { get; } = new(SupplyAgencyKind.InHousePool, OnDps: false, ConfirmsDfeAgencyRules: true);

    /// <summary>The agencies of the profile as people say them: "local supporting agencies on the DPS that confirm the DfE agency rules".</summary>
    public string Words => Tier switch
    {
        SupplyAgencyKind.InHousePool => "the in-house pool",
        _ => $"{(Tier == SupplyAgencyKind.LocalSupportingAgency ? "local supporting agencies" : "external agencies")} {(OnDps ? "on" : "not on")} the DPS that {(ConfirmsDfeAgencyRules ? "confirm" : "have not confirmed")} the DfE agency rules",
    };

    /// <summary>A short name for the profile, unique among profiles, for a page's element ids.</summary>
    public string Key => $"{Tier}{(OnDps ? "-dps" : "")}{(ConfirmsDfeAgencyRules ? "-dfe" : "")}";
}

/// <summary>An agency that can be reached today, with its profile.</summary>
public sealed record ActiveAgency(int Id, SupplyAgencyKind Kind, bool OnDps, bool ConfirmsDfeAgencyRules)
{
    public AgencyProfile Profile => new(Kind, OnDps, ConfirmsDfeAgencyRules);
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

/// <summary>
/// The active agencies as one run of the release sees them, by profile, each given a place in an
/// <see cref="AgencySet"/> so that "every agency of these profiles not reached yet" is a few machine words.
/// </summary>
public sealed class AgencyProfiles
{
    private readonly Dictionary<int, int> _places = [];
    private readonly List<int> _ids = [];
    private readonly Dictionary<AgencyProfile, AgencySet> _byProfile = [];

    public AgencyProfiles(IEnumerable<ActiveAgency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        foreach (var agency in agencies.Where(a => a.Kind != SupplyAgencyKind.InHousePool))
        {
            if (!_places.TryAdd(agency.Id, _ids.Count)) continue;
            _ids.Add(agency.Id);
        }
        foreach (var agency in agencies.Where(a => _places.ContainsKey(a.Id)))
        {
            if (!_byProfile.TryGetValue(agency.Profile, out var set)) _byProfile[agency.Profile] = set = Empty();
            set.Add(_places[agency.Id]);
        }
        // The in-house pool first, then the tiers in the order they see a requisition.
        All = [AgencyProfile.InHousePool, .. _byProfile.Keys.OrderBy(p => p.Tier).ThenByDescending(p => p.OnDps).ThenByDescending(p => p.ConfirmsDfeAgencyRules)];
    }

    /// <summary>Every profile a requisition is decided for: the in-house pool's and each one some active agency has.</summary>
    public IReadOnlyList<AgencyProfile> All { get; }

    public int Count => _ids.Count;

    public AgencySet Empty() => new(_ids.Count);

    /// <summary>The agencies of a profile (none for the in-house pool).</summary>
    public AgencySet Of(AgencyProfile profile) => _byProfile.TryGetValue(profile, out var set) ? set : Empty();

    /// <summary>Marks an agency in a set; one that is not active (deactivated since it was reached) has no place and is left out.</summary>
    public void Mark(AgencySet set, int agencyId)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (_places.TryGetValue(agencyId, out var place)) set.Add(place);
    }

    public IReadOnlyList<int> IdsIn(AgencySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Places().Select(p => _ids[p]).ToList();
    }
}

/// <summary>A set of agencies as bits, one a place: 500 agencies are eight words.</summary>
public sealed class AgencySet
{
    private readonly ulong[] _words;

    public AgencySet(int places) => _words = new ulong[(places + 63) / 64];

    private AgencySet(ulong[] words) => _words = words;

    public void Add(int place) => _words[place >> 6] |= 1UL << (place & 63);

    public void UnionWith(AgencySet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _words.Length; i++) _words[i] |= other._words[i];
    }

    /// <summary>Those of this set that are not in <paramref name="other"/>.</summary>
    public AgencySet Except(AgencySet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var words = new ulong[_words.Length];
        for (var i = 0; i < words.Length; i++) words[i] = _words[i] & ~other._words[i];
        return new AgencySet(words);
    }

    public bool IsEmpty => Array.TrueForAll(_words, w => w == 0);

    public int Count => _words.Sum(System.Numerics.BitOperations.PopCount);

    public IEnumerable<int> Places()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            while (word != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                yield return i * 64 + bit;
                word &= word - 1;
            }
        }
    }
}
