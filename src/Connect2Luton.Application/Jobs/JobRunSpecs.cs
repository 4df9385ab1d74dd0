using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Jobs;

/// <summary>Runs of a job the app started and never finished: left by a crash, found by the next run.</summary>
public sealed class UnfinishedRunsSpec : Specification<JobRun>
{
    public UnfinishedRunsSpec(string jobName) => Query.Where(r => r.JobName == jobName && r.Status == JobRunStatus.Running);
}

/// <summary>The latest runs of a job, newest first.</summary>
public sealed class LatestRunsSpec : Specification<JobRun>
{
    public LatestRunsSpec(string jobName, int take) =>
        Query.Where(r => r.JobName == jobName).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(take).AsNoTracking();
}

/// <summary>
/// The next batch of placements live today, in id order after the last one seen: a keyset walk, so each batch is
/// one indexed read however far the scan has got, and placements booked during the run are still reached.
/// </summary>
public sealed class LivePlacementIdsAfterSpec : Specification<Placement, int>
{
    public LivePlacementIdsAfterSpec(int afterId, DateOnly today, int take)
    {
        Query.Where(p => p.Id > afterId && p.Status == PlacementStatus.Active && p.StartDate <= today).OrderBy(p => p.Id).Take(take);
        Query.Select(p => p.Id);
    }
}
