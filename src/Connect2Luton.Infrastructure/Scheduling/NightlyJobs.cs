using Connect2Luton.Application.Jobs;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

/// <summary>
/// Every registered job runs through this one Quartz job: its key names the registration, whose Run does the work.
/// One run of a job at a time (a run-now while the schedule fires waits its turn).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RegisteredJob(ScheduledJobs jobs, IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = jobs.Find(context.JobDetail.Key.Name)
            ?? throw new JobExecutionException($"No job called '{context.JobDetail.Key.Name}' is registered: it was taken out since it was scheduled.");
        await job.Run(services, NightlyJobKeys.TriggeredBy(context), cancellationToken);
    }
}

internal static class NightlyJobKeys
{
    public const string Group = "nightly";
    public const string TriggeredByKey = "triggeredBy";

    public static JobKey Job(string jobName) => new(jobName, Group);

    public static TriggerKey Schedule(string jobName) => new($"{jobName}-schedule", Group);

    /// <summary>Who asked for a run: a person's name for "run now", the schedule otherwise (a recovered run says so).</summary>
    public static string TriggeredBy(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var by = context.MergedJobDataMap.TryGetValue(TriggeredByKey, out var value) && value is string name && name.Length > 0 ? name : "schedule";
        return context.Recovering ? $"{by} (recovered after a restart)" : by;
    }
}
