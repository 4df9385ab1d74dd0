using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

/// <summary>Flags long-running placements: the placement-length rules over every live placement.</summary>
[DisallowConcurrentExecution]
internal sealed class FlagLongRunningPlacementsJob(NightlyRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await runner.RunAsync<PlacementFlagReview>(NightlyJobKeys.TriggeredBy(context), cancellationToken);
}

/// <summary>Raises permanent-conversion prompts: the conversion rules over every live placement.</summary>
[DisallowConcurrentExecution]
internal sealed class RaiseConversionPromptsJob(NightlyRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await runner.RunAsync<ConversionPromptReview>(NightlyJobKeys.TriggeredBy(context), cancellationToken);
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
