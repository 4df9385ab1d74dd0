namespace Connect2Luton.Application.Jobs;

/// <summary>The names of the jobs the product ships with, as their runs are recorded; each is a <see cref="ScheduledJob"/>.</summary>
public static class JobNames
{
    public const string FlagLongRunningPlacements = "flag-long-running-placements";
    public const string RaiseConversionPrompts = "raise-conversion-prompts";
    public const string ReleaseRequisitions = "release-requisitions";
    public const string TimesheetReminders = "timesheet-reminders";
}
