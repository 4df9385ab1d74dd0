using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Application.Jobs;

/// <summary>
/// A scheduled job as a registration: everything the scheduler, /Jobs and run-now need, declared once. A job that
/// runs every 15 minutes, or sweeps placements nightly in batches, is the same kind of thing with its own schedule.
/// </summary>
/// <param name="Name">What its runs are recorded under and the scheduler knows it by.</param>
/// <param name="DisplayName">What people call it ("Flag long-running placements").</param>
/// <param name="DefaultSchedule">A Quartz cron expression (seconds first), used unless configuration sets another.</param>
/// <param name="ScheduleSetting">The key under "Scheduling" that sets its schedule, e.g. Scheduling:FlagLongRunningPlacements.</param>
/// <param name="Run">What a run does, given the app's services and who asked for it.</param>
public sealed record ScheduledJob(string Name, string DisplayName, string DefaultSchedule, string ScheduleSetting, Func<IServiceProvider, string, CancellationToken, Task> Run)
{
    /// <summary>The permission that lets someone start it now from /Jobs, outside its schedule; null: nobody may.</summary>
    public string? RunNowPermission { get; init; } = Common.Identity.Permissions.RunJobs;

    /// <summary>What its runs' counts are, as the jobs page heads them: the nightly sweeps count placements, flags and prompts.</summary>
    public JobRunFigures Figures { get; init; } = JobRunFigures.Placements;
}

/// <summary>
/// The headings of the three counts a job run keeps (<see cref="Domain.Jobs.JobRun"/>): what the run looked at, what
/// it raised (with what it resolved, where it resolves anything) and the third thing it counts.
/// </summary>
public sealed record JobRunFigures(string Scanned, string Raised, string Third, bool Resolves)
{
    public static JobRunFigures Placements { get; } = new("Placements reviewed", "Flags raised / resolved", "Prompts raised", Resolves: true);
}

/// <summary>The registered jobs, in the order they were registered: /Jobs, the scheduler and run-now read this list.</summary>
public sealed class ScheduledJobs(IEnumerable<ScheduledJob> registered)
{
    public IReadOnlyList<ScheduledJob> All { get; } = registered.DistinctBy(j => j.Name).ToList();

    public ScheduledJob? Find(string? name) => All.FirstOrDefault(j => j.Name == name);
}

public static class ScheduledJobRegistration
{
    public static IServiceCollection AddScheduledJob(this IServiceCollection services, ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        services.AddSingleton(job);
        services.TryAddSingleton<ScheduledJobs>();
        return services;
    }
}
