using Connect2Luton.Application.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

/// <summary>
/// Puts every registered job into the scheduler at start, before it runs anything, with the schedule configuration
/// gives it. A stored trigger whose schedule has not changed is left exactly as it was, so a night missed while the
/// app was down is still due and Quartz catches it up once; a changed schedule replaces it, and a new job is added.
/// </summary>
internal sealed partial class ScheduleReconciler(ISchedulerFactory factory, ScheduledJobs jobs, JobSchedules schedules, TimeProvider clock, ILogger<ScheduleReconciler> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var zone = schedules.Zone;
        foreach (var job in jobs.All)
        {
            var wanted = schedules.CronFor(job);
            if (!CronExpression.TryParse(wanted, out _))
                throw new InvalidOperationException($"Scheduling:{job.ScheduleSetting} must be a Quartz cron expression, such as \"0 30 2 * * ?\"; it is \"{wanted}\".");
            // A run that was going when the app died is run again when it comes back (RequestRecovery).
            var detail = JobBuilder.Create<RegisteredJob>().WithIdentity(NightlyJobKeys.Job(job.Name)).WithDescription(job.DisplayName)
                .StoreDurably().RequestRecovery().DisallowConcurrentExecution().Build();
            await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);

            var key = NightlyJobKeys.Schedule(job.Name);
            var stored = await scheduler.GetTrigger(key, cancellationToken);
            if (stored is ICronTrigger cron && cron.CronExpressionString == wanted && cron.TimeZone.Id == zone.Id) continue;
            var trigger = SchedulingRegistration.BuildSchedule(job, wanted, zone, clock);
            if (stored is null) await scheduler.ScheduleJob(trigger, default(ScheduleJobOptions), cancellationToken);
            else await scheduler.RescheduleJob(key, trigger, cancellationToken);
            LogScheduled(logger, job.Name, wanted, zone.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Job} job's schedule is now {Cron} ({Zone}), from configuration")]
    private static partial void LogScheduled(ILogger logger, string job, string cron, string zone);
}
