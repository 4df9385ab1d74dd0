using Connect2Luton.Application.Jobs;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

internal sealed class QuartzJobScheduler(ISchedulerFactory factory, ScheduledJobs jobs, JobSchedules schedules) : IJobScheduler
{
    public bool RunsHere => true;

    public async Task<JobSchedule> ScheduleOfAsync(string jobName, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(NightlyJobKeys.Schedule(jobName), cancellationToken);
        var described = trigger is ICronTrigger cron
            ? ScheduleInWords.Describe(cron.CronExpressionString ?? string.Empty, cron.TimeZone.Id)
            : jobs.Find(jobName) is { } job ? $"{ScheduleInWords.Describe(schedules.CronFor(job), schedules.ZoneName)} (from the next start)" : "Not scheduled";
        return new JobSchedule(described, trigger?.NextFireTimeUtc);
    }

    public async Task RunNowAsync(string jobName, string requestedBy, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(NightlyJobKeys.Job(jobName), new JobDataMap { [NightlyJobKeys.TriggeredByKey] = requestedBy }, cancellationToken);
    }
}
