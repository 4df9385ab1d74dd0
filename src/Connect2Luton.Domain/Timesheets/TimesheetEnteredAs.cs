namespace Connect2Luton.Domain.Timesheets;

/// <summary>Who entered a week's hours: a query goes back to them.</summary>
public enum TimesheetEnteredAs
{
    Worker,
    Agency,
    Recruiter,
}
