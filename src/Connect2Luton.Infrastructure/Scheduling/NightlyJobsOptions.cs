namespace Connect2Luton.Infrastructure.Scheduling;

public enum JobStoreKind
{
    /// <summary>Quartz keeps its schedule in the app's database, so a missed night is caught up after a restart.</summary>
    Persistent,

    /// <summary>In memory only: nothing survives a restart. For tools and tests that want no scheduler state.</summary>
    Memory,
}

/// <summary>
/// The "Scheduling" section of configuration: the zone schedules are read in and where Quartz keeps its state. Each
/// job's own schedule is the key its registration names (Scheduling:FlagLongRunningPlacements), read by <see cref="JobSchedules"/>.
/// </summary>
public sealed class NightlyJobsOptions
{
    public const string Section = "Scheduling";

    /// <summary>The zone the schedules are read in. 02:30 exists on both clock-change nights in London.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public JobStoreKind Store { get; set; } = JobStoreKind.Persistent;

    /// <summary>Several nodes on one SQL Server: Quartz's clustered store runs each firing on one node only.</summary>
    public bool Clustered { get; set; }

    /// <summary>
    /// Whether this node runs the scheduler. Several nodes on one SQLite file (or on SQL Server without clustering)
    /// must leave the jobs to one of them: a second scheduler on the same stored schedule would fire every job twice.
    /// </summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>
    /// Placements per unit of work in a run. What a batch holds while it is decided and saved (facts, flags, decision
    /// records, tracked entities) outlives a gen0 collection or two, so larger batches pile up in gen1: at a million
    /// placements, both jobs at once, batches of 2,000 peaked at 279 to 387 MB private and batches of 1,000 at 160 to
    /// 278 MB, in the same time (6 December 2026).
    /// </summary>
    public int BatchSize { get; set; } = 1_000;
}

/// <summary>Each registered job's schedule: its key under "Scheduling" in configuration, or its registration's default.</summary>
internal sealed class JobSchedules(Microsoft.Extensions.Configuration.IConfiguration configuration, Microsoft.Extensions.Options.IOptions<NightlyJobsOptions> options)
{
    public string CronFor(Application.Jobs.ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var configured = configuration[$"{NightlyJobsOptions.Section}:{job.ScheduleSetting}"];
        return string.IsNullOrWhiteSpace(configured) ? job.DefaultSchedule : configured.Trim();
    }

    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public string ZoneName => options.Value.TimeZone;
}
