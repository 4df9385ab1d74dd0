using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Jobs;

namespace Connect2Luton.Application.Jobs;

/// <summary>A scheduled job as the jobs page shows it: its schedule, when it next fires, its latest runs, and who may run it now.</summary>
public sealed record JobView(string Name, string Title, JobSchedule Schedule, IReadOnlyList<JobRun> LatestRuns, bool MayRunNow, JobRunFigures Figures)
{
    /// <summary>The latest run has not finished: it is going now (or died with the app, which the next run will say).</summary>
    public bool IsRunning => LatestRuns.Count > 0 && LatestRuns[0].Status == JobRunStatus.Running;
}

public sealed class JobQueries(IReadRepository<JobRun> runs, IJobScheduler scheduler, ScheduledJobs jobs, ICurrentUser user)
{
    public const int RunsShown = 10;

    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<JobView>();
        foreach (var job in jobs.All)
        {
            var latest = await runs.ListAsync(new LatestRunsSpec(job.Name, RunsShown), cancellationToken);
            views.Add(new JobView(job.Name, job.DisplayName, await scheduler.ScheduleOfAsync(job.Name, cancellationToken), latest, MayRunNow(job), job.Figures));
        }
        return views;
    }

    /// <summary>Whether the user may start the job now, outside its schedule, and this node can start it.</summary>
    public bool MayRunNow(ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.RunNowPermission is { } permission && user.May(permission) && scheduler.RunsHere;
    }

    /// <summary>Whether this node runs the jobs; the runs listed are every node's, as the database holds them.</summary>
    public bool RunsHere => scheduler.RunsHere;
}
