using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// An approved or open requisition with workers still to place, as the release rules need it.
/// <paramref name="ApprovedAt"/> is its latest approval (one brought in from a file counts from when it was raised).
/// </summary>
public sealed record ReleasableRequisition(int Id, int JobRoleId, int ServiceAreaId, DateOnly StartDate, int PositionsLeft, DateTimeOffset ApprovedAt);

/// <summary>
/// The next requisitions a release may reach, in id order after the last one seen: approved or open, with workers
/// still to place. A keyset walk, as the nightly jobs walk placements.
/// </summary>
public sealed class ReleasableRequisitionsSpec : Specification<Requisition, ReleasableRequisition>
{
    public ReleasableRequisitionsSpec(int afterId, int take, int? onlyId = null)
    {
        Query.Where(r => r.Id > afterId && (r.Status == RequisitionStatus.Approved || r.Status == RequisitionStatus.Open) && r.PositionsFilled < r.Positions);
        if (onlyId is { } id) Query.Where(r => r.Id == id);
        Query.OrderBy(r => r.Id).Take(take);
        // The latest approval by the order steps were taken in: SQLite cannot compare the moments themselves.
        Query.Select(r => new ReleasableRequisition(r.Id, r.JobRoleId, r.ServiceAreaId, r.StartDate, r.Positions - r.PositionsFilled,
            r.Events.Where(e => e.To == RequisitionStatus.Approved).OrderByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.At).FirstOrDefault() ?? r.RaisedAt));
    }
}

/// <summary>Where a requisition's release stands: whether a recruiter holds it back.</summary>
public sealed record ReleaseState(int Id, int RequisitionId, bool IsHeld);

public sealed class ReleaseStatesSpec : Specification<SupplierRelease, ReleaseState>
{
    public ReleaseStatesSpec(IReadOnlyCollection<int> requisitionIds)
    {
        Query.Where(r => requisitionIds.Contains(r.RequisitionId));
        Query.Select(r => new ReleaseState(r.Id, r.RequisitionId, r.HeldSince != null));
    }
}

/// <summary>The tiers each release has reached, scheduled or early.</summary>
public sealed record ReleasedTier(int SupplierReleaseId, SupplyAgencyKind Tier);

public sealed class ReleasedTiersSpec : Specification<ReleaseStep, ReleasedTier>
{
    public ReleasedTiersSpec(IReadOnlyCollection<int> releaseIds)
    {
        Query.Where(s => releaseIds.Contains(s.SupplierReleaseId) && s.Tier != null
            && (s.Kind == ReleaseStepKind.Released || s.Kind == ReleaseStepKind.ReleasedEarly));
        Query.Select(s => new ReleasedTier(s.SupplierReleaseId, s.Tier!.Value));
    }
}

/// <summary>Each kind of agency each release has reached: read straight from its index, to see what a run would add.</summary>
public sealed record ReachedProfile(int SupplierReleaseId, SupplyAgencyKind Tier, bool OnDps, bool ConfirmsDfeAgencyRules)
{
    public AgencyProfile Profile => new(Tier, OnDps, ConfirmsDfeAgencyRules);
}

public sealed class ReachedProfilesSpec : Specification<ReleasedProfile, ReachedProfile>
{
    public ReachedProfilesSpec(IReadOnlyCollection<int> releaseIds)
    {
        Query.Where(p => releaseIds.Contains(p.SupplierReleaseId));
        Query.Select(p => new ReachedProfile(p.SupplierReleaseId, p.Tier, p.OnDps, p.ConfirmsDfeAgencyRules));
    }
}

/// <summary>Releases to change, with everything they have reached: the aggregate decides what is new.</summary>
public sealed class SupplierReleasesForUpdateSpec : Specification<SupplierRelease>
{
    public SupplierReleasesForUpdateSpec(IReadOnlyCollection<int> requisitionIds) =>
        Query.Where(r => requisitionIds.Contains(r.RequisitionId)).Include(r => r.Steps).Include(r => r.Profiles);
}

/// <summary>A requisition's release as its page shows it.</summary>
public sealed class SupplierReleaseOfSpec : Specification<SupplierRelease>
{
    public SupplierReleaseOfSpec(int requisitionId) =>
        Query.Where(r => r.RequisitionId == requisitionId).Include(r => r.Steps).Include(r => r.Profiles).AsNoTracking();
}

/// <summary>
/// Workers of the in-house pool a requisition could be filled from: active, not converted to permanent staff,
/// with their right to work checked and in date. Counted by job family, once a run.
/// </summary>
public sealed class MatchingInHouseWorkersSpec : Specification<Worker>
{
    public MatchingInHouseWorkersSpec(IReadOnlyCollection<int> inHousePoolIds, DateOnly today) =>
        Query.Where(w => w.IsActive && w.ConvertedToPermanentOn == null && inHousePoolIds.Contains(w.SupplyAgencyId)
            && w.RightToWork != null && w.RightToWork.CheckedOn <= today && (w.RightToWork.ExpiresOn == null || w.RightToWork.ExpiresOn >= today));
}

/// <summary>The in-house pool's records, active or not: the workers it supplies are its own.</summary>
public sealed class InHousePoolIdsSpec : Specification<SupplyAgency, int>
{
    public InHousePoolIdsSpec()
    {
        Query.Where(a => a.Kind == SupplyAgencyKind.InHousePool);
        Query.Select(a => a.Id);
    }
}
