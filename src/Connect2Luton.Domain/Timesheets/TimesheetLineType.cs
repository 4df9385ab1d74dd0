namespace Connect2Luton.Domain.Timesheets;

/// <summary>
/// The kinds of hours a timesheet records. Which a role may claim, and what each pays against the placement's rate,
/// is policy (the pay-rate rules); standard hours are always allowed and paid at the rate.
/// </summary>
public enum TimesheetLineType
{
    Standard,
    Overtime,
    SleepIn,
    OnCall,
}
