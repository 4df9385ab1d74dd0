using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Jobs;

namespace Connect2Luton.Application.Jobs;

/// <summary>A nightly job as the jobs page shows it: its schedule, when it next fires, and its latest runs.</summary>
public sealed record JobView(string Name, string Title, JobSchedule Schedule, IReadOnlyList<JobRun> LatestRuns)
{
    /// <summary>The latest run has not finished: it is going now (or died with the app, which the next run will say).</summary>
    public bool IsRunning => LatestRuns.Count > 0 && LatestRuns[0].Status == JobRunStatus.Running;
}

public sealed class JobQueries(IReadRepository<JobRun> runs, IJobScheduler scheduler)
{
    public const int RunsShown = 10;

    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<JobView>();
        foreach (var name in JobNames.All)
        {
            var latest = await runs.ListAsync(new LatestRunsSpec(name, RunsShown), cancellationToken);
            views.Add(new JobView(name, JobNames.Describe(name), await scheduler.ScheduleOfAsync(name, cancellationToken), latest));
        }
        return views;
    }
}
