using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>What a batch of the scheduled release did.</summary>
public sealed record ReleaseCounts(int Checked, int TiersReleased = 0, int AgenciesReached = 0)
{
    public static ReleaseCounts None { get; } = new(0);

    public static ReleaseCounts operator +(ReleaseCounts left, ReleaseCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Checked + right.Checked, left.TiersReleased + right.TiersReleased, left.AgenciesReached + right.AgenciesReached);
    }

    public static ReleaseCounts Add(ReleaseCounts left, ReleaseCounts right) => left + right;
}

/// <summary>What one unit of work of the release did.</summary>
public sealed record ReleaseBatchResult(ReleaseCounts Counts, IReadOnlyList<AgenciesReached> Reached);

/// <summary>
/// Releases one batch of requisitions, as one unit of work: decides each for every profile of agency, works out
/// from what each has reached already (read from the index, not loaded) which profiles are new, and only those
/// requisitions' releases are loaded and released, each tier to the profiles the rules now allow. Held requisitions
/// are left as they are. Idempotent: run again, it finds nothing new. A release is a row per profile, so a backlog
/// released at once writes a few rows a requisition however many agencies there are.
/// </summary>
public sealed class ReleaseBatch(
    IRepository<SupplierRelease> releases,
    IReadRepository<ReleasedProfile> reachedProfiles,
    ISupplierReleasePolicy policy,
    IReleaseNotifier notifier,
    IUnitOfWork unitOfWork)
{
    /// <summary>The schedule's name on what it releases.</summary>
    public const string By = "schedule";

    private static readonly SupplyAgencyKind[] Tiers = [SupplyAgencyKind.InHousePool, SupplyAgencyKind.LocalSupportingAgency, SupplyAgencyKind.ExternalAgency];

    public async Task<ReleaseBatchResult> ReleaseAsync(IReadOnlyList<ReleasableRequisition> requisitions, ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requisitions);
        ArgumentNullException.ThrowIfNull(context);
        var profiles = context.Profiles;
        var states = (await releases.ListAsync(new ReleaseStatesSpec([.. requisitions.Select(r => r.Id)]), cancellationToken)).ToDictionary(s => s.RequisitionId);
        var releaseIds = states.Values.Select(s => s.Id).ToList();
        var reached = releaseIds.Count == 0
            ? []
            : (await reachedProfiles.ListAsync(new ReachedProfilesSpec(releaseIds), cancellationToken))
                .GroupBy(p => p.SupplierReleaseId).ToDictionary(g => g.Key, g => g.Select(p => p.Profile).ToHashSet());

        var due = new List<(int RequisitionId, List<(SupplyAgencyKind Tier, IReadOnlyList<AgencyProfile> Profiles, string Version)> Tiers)>();
        foreach (var requisition in requisitions)
        {
            var state = states.GetValueOrDefault(requisition.Id);
            if (state is { IsHeld: true }) continue;
            var decisions = await context.DecideAsync(policy, requisition, cancellationToken);
            var already = state is null ? null : reached.GetValueOrDefault(state.Id);
            List<(SupplyAgencyKind, IReadOnlyList<AgencyProfile>, string)>? tiers = null;
            foreach (var tier in Tiers)
            {
                var (allowed, version) = decisions.DueIn(tier);
                if (allowed.Count == 0 || (already is not null && allowed.All(already.Contains))) continue;
                (tiers ??= []).Add((tier, allowed, version!));
            }
            if (tiers is not null) due.Add((requisition.Id, tiers));
        }
        if (due.Count == 0) return new ReleaseBatchResult(new ReleaseCounts(requisitions.Count), []);

        var loaded = (await releases.ListAsync(new SupplierReleasesForUpdateSpec([.. due.Select(d => d.RequisitionId)]), cancellationToken)).ToDictionary(r => r.RequisitionId);
        var news = new List<AgenciesReached>();
        var tiersReleased = 0;
        foreach (var (requisitionId, tiers) in due)
        {
            if (!loaded.TryGetValue(requisitionId, out var release))
            {
                release = new SupplierRelease(requisitionId);
                releases.Add(release);
            }
            foreach (var (tier, allowed, version) in tiers)
            {
                var first = release.Release(tier, profiles.Reach(allowed), By, context.Now, version);
                if (first.Count == 0) continue;
                tiersReleased++;
                var agencies = first.SelectMany(profiles.IdsOf).ToList();
                if (agencies.Count > 0) news.Add(new AgenciesReached(requisitionId, tier, agencies));
            }
        }
        await notifier.ReachedAsync(news, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        // A recruiter released or held one of these meanwhile: the run takes the batch again one requisition at a time.
        if (saved.IsConflict) throw new ReleaseConflictException(saved.Conflict!);
        return new ReleaseBatchResult(new ReleaseCounts(requisitions.Count, tiersReleased, news.Sum(n => n.AgencyIds.Count)), news);
    }
}

/// <summary>A batch's release met a change saved meanwhile; nothing of the batch was saved.</summary>
public sealed class ReleaseConflictException : Exception
{
    public ReleaseConflictException() { }

    public ReleaseConflictException(string message) : base(message) { }

    public ReleaseConflictException(string message, Exception innerException) : base(message, innerException) { }
}
