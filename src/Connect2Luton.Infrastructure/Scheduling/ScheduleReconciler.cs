using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

/// <summary>
/// The stored schedule is kept at start-up (declared triggers do not overwrite it), so a night missed while the
/// app was down is still due and Quartz catches it up once. This puts a changed schedule from configuration into
/// the store, and leaves an unchanged one exactly as it was.
/// </summary>
internal sealed partial class ScheduleReconciler(ISchedulerFactory factory, IOptions<NightlyJobsOptions> options, TimeProvider clock, ILogger<ScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var jobName in Application.Jobs.JobNames.All)
        {
            var key = NightlyJobKeys.Schedule(jobName);
            var wanted = options.Value.CronFor(jobName);
            var zone = SchedulingRegistration.Zone(options.Value);
            if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger stored && stored.CronExpressionString == wanted && stored.TimeZone.Id == zone.Id) continue;
            await scheduler.RescheduleJob(key, SchedulingRegistration.BuildSchedule(jobName, wanted, zone, clock), cancellationToken);
            LogRescheduled(logger, jobName, wanted, zone.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Job} job's schedule is now {Cron} ({Zone}), from configuration")]
    private static partial void LogRescheduled(ILogger logger, string job, string cron, string zone);
}
