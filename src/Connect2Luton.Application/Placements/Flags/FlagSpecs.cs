using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Flags;

/// <summary>
/// The live placements of a batch (those of it due, when it says), as the length check reads them: no entities, no
/// tracking, one row each, since a first night reads every live placement.
/// </summary>
public sealed class LivePlacementRowsSpec : Specification<Placement, LivePlacementRow>
{
    public LivePlacementRowsSpec(Jobs.PlacementRange range, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(range);
        Query.Where(p => p.Id > range.AfterId && p.Id <= range.LastId && p.Status == PlacementStatus.Active && p.StartDate <= today);
        if (range.Due is { } due) Query.Where(p => due.Contains(p.Id));
        Query.Select(p => new LivePlacementRow(p.Id, p.WorkerId, p.RequisitionId, p.JobRoleId, p.StartDate, p.PlannedEndDate,
            p.Extensions.Any(e => e.BeyondLengthLimit && e.Status == ExtensionStatus.InForce && e.NewEndDate >= p.PlannedEndDate)));
    }
}

/// <param name="ApprovedBeyondLimit">As <see cref="Placement.ApprovedBeyondLengthLimit"/>, asked in the query.</param>
public sealed record LivePlacementRow(int Id, int WorkerId, int RequisitionId, int JobRoleId, DateOnly StartDate, DateOnly PlannedEndDate, bool ApprovedBeyondLimit)
{
    /// <summary>This placement as the worker's history holds it.</summary>
    public PlacementHistoryRow AsHistory => new(Id, WorkerId, JobRoleId, StartDate, PlannedEndDate, PlacementStatus.Active);
}

/// <summary>The open flags on the placements of a range, as rows.</summary>
public sealed class OpenFlagRowsSpec : Specification<PlacementFlag, OpenFlagRow>
{
    public OpenFlagRowsSpec(Jobs.PlacementRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        Query.Where(f => f.PlacementId > range.AfterId && f.PlacementId <= range.LastId && f.ResolvedAt == null);
        if (range.Due is { } due) Query.Where(f => due.Contains(f.PlacementId));
        Query.Select(f => new OpenFlagRow(f.Id, f.PlacementId, f.Kind));
    }
}

public sealed record OpenFlagRow(int Id, int PlacementId, PlacementFlagKind Kind);

/// <summary>The given flags, for resolving.</summary>
public sealed class FlagsByIdSpec : Specification<PlacementFlag>
{
    public FlagsByIdSpec(IReadOnlyCollection<int> ids) => Query.Where(f => ids.Contains(f.Id));
}

/// <summary>The open flags on the given placements, for resolving.</summary>
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

/// <summary>
/// The given workers' placements, as the AWR clock and the continuity count read them, other than the live ones of
/// a batch, which the batch has already read: most workers have no others, so most of the look-ups find nothing.
/// </summary>
public sealed class PlacementHistoryOfWorkersSpec : Specification<Placement, PlacementHistoryRow>
{
    public PlacementHistoryOfWorkersSpec(IReadOnlyCollection<int> workerIds, Jobs.PlacementRange batch, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // The batch's own placements are read with it: the rest of each worker's history is what is left. A batch of
        // due placements is a list, not a range: its own rows are dropped by the reader, so the query carries one
        // list of ids, not two (SQL Server takes about 2,100 parameters).
        if (batch.Due is not null)
            Query.Where(p => workerIds.Contains(p.WorkerId));
        else
            Query.Where(p => workerIds.Contains(p.WorkerId)
                && !(p.Id > batch.AfterId && p.Id <= batch.LastId && p.Status == PlacementStatus.Active && p.StartDate <= today));
        Query.Select(p => new PlacementHistoryRow(p.Id, p.WorkerId, p.JobRoleId, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate, p.Status));
    }
}

public sealed record PlacementHistoryRow(int Id, int WorkerId, int JobRoleId, DateOnly StartDate, DateOnly EndDate, PlacementStatus Status);

/// <summary>The recorded breaks of the given workers, as rows.</summary>
public sealed class BreaksOfWorkersSpec : Specification<WorkerBreak, WorkerBreakRow>
{
    public BreaksOfWorkersSpec(IReadOnlyCollection<int> workerIds)
    {
        Query.Where(b => workerIds.Contains(b.WorkerId));
        Query.Select(b => new WorkerBreakRow(b.WorkerId, b.From, b.To, b.Reason));
    }
}

public sealed record WorkerBreakRow(int WorkerId, DateOnly From, DateOnly To, BreakReason Reason);

/// <summary>Every role: a small table, read whole once per batch.</summary>
public sealed class AllJobRolesSpec : Specification<JobRole>
{
    public AllJobRolesSpec() => Query.AsNoTracking();
}
