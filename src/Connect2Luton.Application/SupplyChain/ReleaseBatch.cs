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

/// <summary>What one unit of work of the release did, and the requisitions it left for another (<see cref="ReleaseBatch.MostAgenciesPerSave"/>).</summary>
public sealed record ReleaseBatchResult(ReleaseCounts Counts, IReadOnlyList<AgenciesReached> Reached, IReadOnlyList<ReleasableRequisition> Left);

/// <summary>
/// Releases one batch of requisitions, as one unit of work: decides each for every profile of agency, works out
/// from what each has reached already (read from the index, not loaded) which tiers have something new, and only
/// those requisitions' releases are loaded and released, each tier with every active agency of the profiles the
/// rules now allow. Held requisitions are left as they are. Idempotent: run again, it finds nothing new. A batch
/// that would reach more agencies than one save should hold (a backlog, each requisition reaching hundreds of
/// agencies) releases as many requisitions as fit and leaves the rest, in order, for the next unit of work.
/// </summary>
public sealed class ReleaseBatch(
    IRepository<SupplierRelease> releases,
    IReadRepository<ReleaseStep> steps,
    IReadRepository<ReleasedAgency> reachedAgencies,
    ISupplierReleasePolicy policy,
    IReleaseNotifier notifier,
    IUnitOfWork unitOfWork)
{
    /// <summary>The schedule's name on what it releases.</summary>
    public const string By = "schedule";

    /// <summary>
    /// The most agencies one save reaches: each is a row the unit of work tracks until it is saved, so this bounds
    /// the memory a backlog takes (a first run over 10,000 requisitions reaches two million).
    /// </summary>
    public const int MostAgenciesPerSave = 25_000;

    private static readonly SupplyAgencyKind[] Tiers = [SupplyAgencyKind.InHousePool, SupplyAgencyKind.LocalSupportingAgency, SupplyAgencyKind.ExternalAgency];

    public async Task<ReleaseBatchResult> ReleaseAsync(
        IReadOnlyList<ReleasableRequisition> requisitions, ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requisitions);
        ArgumentNullException.ThrowIfNull(context);
        var profiles = context.Profiles;
        var states = (await releases.ListAsync(new ReleaseStatesSpec([.. requisitions.Select(r => r.Id)]), cancellationToken)).ToDictionary(s => s.RequisitionId);
        var releaseIds = states.Values.Select(s => s.Id).ToList();
        var tiersReached = releaseIds.Count == 0 ? [] : (await steps.ListAsync(new ReleasedTiersSpec(releaseIds), cancellationToken)).ToHashSet();
        var reached = new Dictionary<int, AgencySet>();
        if (releaseIds.Count > 0)
        {
            await foreach (var pair in reachedAgencies.StreamAsync(new ReachedAgenciesSpec(releaseIds), cancellationToken))
            {
                if (!reached.TryGetValue(pair.SupplierReleaseId, out var set)) reached[pair.SupplierReleaseId] = set = profiles.Empty();
                profiles.Mark(set, pair.SupplyAgencyId);
            }
        }

        var due = new List<(int RequisitionId, List<(SupplyAgencyKind Tier, AgencySet Agencies, string Version)> Tiers)>();
        var reaching = 0;
        var taken = 0;
        foreach (var requisition in requisitions)
        {
            if (reaching >= MostAgenciesPerSave) break;
            taken++;
            var state = states.GetValueOrDefault(requisition.Id);
            if (state is { IsHeld: true }) continue;
            var decisions = await context.DecideAsync(policy, requisition, cancellationToken);
            var already = state is null ? profiles.Empty() : reached.GetValueOrDefault(state.Id) ?? profiles.Empty();
            List<(SupplyAgencyKind, AgencySet, string)>? tiers = null;
            foreach (var tier in Tiers)
            {
                var (agencies, released, version) = decisions.DueIn(tier, profiles);
                if (!released) continue;
                var isNew = tier == SupplyAgencyKind.InHousePool
                    ? state is null || !tiersReached.Contains(new ReleasedTier(state.Id, tier))
                    : !agencies.Except(already).IsEmpty;
                if (!isNew) continue;
                (tiers ??= []).Add((tier, agencies, version!));
                reaching += agencies.Except(already).Count;
            }
            if (tiers is not null) due.Add((requisition.Id, tiers));
        }
        var left = requisitions.Skip(taken).ToList();
        if (due.Count == 0) return new ReleaseBatchResult(new ReleaseCounts(taken), [], left);

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
            foreach (var (tier, agencies, version) in tiers)
            {
                var before = release.Steps.Count;
                var first = release.Release(tier, profiles.IdsIn(agencies), By, context.Now, version);
                if (release.Steps.Count > before) tiersReleased++;
                if (first.Count > 0) news.Add(new AgenciesReached(requisitionId, tier, first));
            }
        }
        await notifier.ReachedAsync(news, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        // A recruiter released or held one of these meanwhile: the run takes the batch again one requisition at a time.
        if (saved.IsConflict) throw new ReleaseConflictException(saved.Conflict!);
        return new ReleaseBatchResult(new ReleaseCounts(taken, tiersReleased, news.Sum(n => n.AgencyIds.Count)), news, left);
    }
}

/// <summary>A batch's release met a change saved meanwhile; nothing of the batch was saved.</summary>
public sealed class ReleaseConflictException : Exception
{
    public ReleaseConflictException() { }

    public ReleaseConflictException(string message) : base(message) { }

    public ReleaseConflictException(string message, Exception innerException) : base(message, innerException) { }
}
