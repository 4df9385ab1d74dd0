namespace Connect2Luton.Infrastructure.Scheduling;

public enum JobStoreKind
{
    /// <summary>Quartz keeps its schedule in the app's database, so a missed night is caught up after a restart.</summary>
    Persistent,

    /// <summary>In memory only: nothing survives a restart. For tools and tests that want no scheduler state.</summary>
    Memory,
}

/// <summary>The "Scheduling" section of configuration: when the nightly jobs run and where Quartz keeps its state.</summary>
public sealed class NightlyJobsOptions
{
    public const string Section = "Scheduling";

    /// <summary>The zone the schedules are read in. 02:30 exists on both clock-change nights in London.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Quartz cron expressions (seconds first).</summary>
    public string FlagLongRunningPlacements { get; set; } = "0 30 2 * * ?";

    public string RaiseConversionPrompts { get; set; } = "0 30 2 * * ?";

    public JobStoreKind Store { get; set; } = JobStoreKind.Persistent;

    /// <summary>Several nodes on one SQL Server: Quartz's clustered store runs each firing on one node only.</summary>
    public bool Clustered { get; set; }

    /// <summary>Placements per unit of work in a run.</summary>
    public int BatchSize { get; set; } = 2_000;

    public string CronFor(string jobName) => jobName switch
    {
        Application.Jobs.JobNames.FlagLongRunningPlacements => FlagLongRunningPlacements,
        Application.Jobs.JobNames.RaiseConversionPrompts => RaiseConversionPrompts,
        _ => throw new ArgumentOutOfRangeException(nameof(jobName), jobName, "There is no such nightly job."),
    };
}
