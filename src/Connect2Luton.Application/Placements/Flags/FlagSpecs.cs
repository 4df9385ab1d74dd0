using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements.Flags;

/// <summary>Placements with their extensions, for reviewing (not changing).</summary>
public sealed class PlacementsForReviewSpec : Specification<Placement>
{
    public PlacementsForReviewSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(p => ids.Contains(p.Id)).Include(p => p.Extensions).AsNoTracking();
    }
}

/// <summary>The open flags on the given placements, for raising and resolving.</summary>
public sealed class OpenFlagsSpec : Specification<PlacementFlag>
{
    public OpenFlagsSpec(IReadOnlyCollection<int> placementIds) =>
        Query.Where(f => placementIds.Contains(f.PlacementId) && f.ResolvedAt == null);
}

/// <summary>The placements that have an open flag, in id order after the last seen, a page at a time.</summary>
public sealed class FlaggedPlacementIdsAfterSpec : Specification<PlacementFlag, int>
{
    public FlaggedPlacementIdsAfterSpec(int afterId, int take)
    {
        Query.Where(f => f.ResolvedAt == null && f.PlacementId > afterId).OrderBy(f => f.PlacementId).Take(take);
        Query.Select(f => f.PlacementId);
    }
}

/// <summary>Which of the given placements are no longer live (ended, called off or converted).</summary>
public sealed class ClosedPlacementIdsSpec : Specification<Placement, int>
{
    public ClosedPlacementIdsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(p => ids.Contains(p.Id) && p.Status != PlacementStatus.Active);
        Query.Select(p => p.Id);
    }
}

/// <summary>Every placement of the given workers, as the AWR clock and the continuity count read them.</summary>
public sealed class PlacementHistoryOfWorkersSpec : Specification<Placement, PlacementHistoryRow>
{
    public PlacementHistoryOfWorkersSpec(IReadOnlyCollection<int> workerIds)
    {
        Query.Where(p => workerIds.Contains(p.WorkerId));
        Query.Select(p => new PlacementHistoryRow(p.Id, p.WorkerId, p.JobRoleId, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate, p.Status));
    }
}

public sealed record PlacementHistoryRow(int Id, int WorkerId, int JobRoleId, DateOnly StartDate, DateOnly EndDate, PlacementStatus Status);

/// <summary>The given roles.</summary>
public sealed class JobRolesSpec : Specification<JobRole>
{
    public JobRolesSpec(IReadOnlyCollection<int> ids) => Query.Where(r => ids.Contains(r.Id)).AsNoTracking();
}
