namespace Connect2Luton.Application.Jobs;

/// <summary>The scheduler that fires the nightly jobs, as the jobs page needs it.</summary>
public interface IJobScheduler
{
    /// <summary>
    /// Whether this node runs the jobs. Where several share a database and only one may run them (SQLite cannot
    /// share Quartz's schedule between nodes), the others list the jobs and their runs but cannot start one.
    /// </summary>
    bool RunsHere { get; }

    /// <summary>When the job next fires on its schedule, and the schedule in words; null fire time if it is not scheduled.</summary>
    Task<JobSchedule> ScheduleOfAsync(string jobName, CancellationToken cancellationToken);

    /// <summary>Fires the job now, outside its schedule, recorded as started by <paramref name="requestedBy"/>.</summary>
    Task RunNowAsync(string jobName, string requestedBy, CancellationToken cancellationToken);
}

public sealed record JobSchedule(string Description, DateTimeOffset? NextFireTime);
