using Connect2Luton.Application.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

/// <summary>
/// A node that runs no scheduler (Scheduling:RunJobs is false): another node on the same database runs the jobs.
/// Their schedules are read from this node's configuration, which every node is meant to share, so /Jobs still says
/// when each runs next; the runs themselves are in the database whichever node made them.
/// </summary>
internal sealed class JobsRunElsewhere(ScheduledJobs jobs, JobSchedules schedules, TimeProvider clock) : IJobScheduler
{
    public bool RunsHere => false;

    public Task<JobSchedule> ScheduleOfAsync(string jobName, CancellationToken cancellationToken)
    {
        if (jobs.Find(jobName) is not { } job) return Task.FromResult(new JobSchedule("Not scheduled", null));
        var cron = schedules.CronFor(job);
        // The trigger the scheduling node builds from the same settings, asked when it would fire next.
        var next = CronExpression.TryParse(cron, out _)
            ? SchedulingRegistration.BuildSchedule(job, cron, schedules.Zone, clock).GetFireTimeAfter(clock.GetUtcNow())
            : null;
        return Task.FromResult(new JobSchedule(ScheduleInWords.Describe(cron, schedules.ZoneName), next));
    }

    // The page offers no "Run now" here; a form posted anyway (a page opened on another node) is refused before this.
    public Task RunNowAsync(string jobName, string requestedBy, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"This node does not run the scheduled jobs (Scheduling:RunJobs is false), so {jobName} cannot be started here.");
}

/// <summary>/health on a node that runs no scheduler: nothing is wrong, and it says where the jobs run.</summary>
internal sealed class NoSchedulerHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy("Not run on this node (Scheduling:RunJobs is false): another node on this database runs the jobs"));
}
