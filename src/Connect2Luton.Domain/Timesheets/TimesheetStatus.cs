namespace Connect2Luton.Domain.Timesheets;

public enum TimesheetStatus
{
    /// <summary>Saved but not yet sent to the hiring manager.</summary>
    Draft,
    Submitted,

    /// <summary>Sent back to whoever entered it, with the manager's reason.</summary>
    Queried,

    /// <summary>Locked: a correction is a new adjusting timesheet, never an edit.</summary>
    Approved,
}
