namespace Connect2Luton.Application.Jobs;

/// <summary>The nightly jobs, by the names their runs are recorded under and the scheduler knows them by.</summary>
public static class JobNames
{
    public const string FlagLongRunningPlacements = "flag-long-running-placements";
    public const string RaiseConversionPrompts = "raise-conversion-prompts";

    public static IReadOnlyList<string> All { get; } = [FlagLongRunningPlacements, RaiseConversionPrompts];

    /// <summary>Who a job's changes are recorded as made by, on decisions and the audit trail.</summary>
    public static string Actor(string jobName) => $"Nightly job: {Describe(jobName).ToLowerInvariant()}";

    public static string Describe(string jobName) => jobName switch
    {
        FlagLongRunningPlacements => "Flag long-running placements",
        RaiseConversionPrompts => "Raise permanent-conversion prompts",
        _ => jobName,
    };
}
