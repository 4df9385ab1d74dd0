using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Timesheets;

public enum TimesheetStep
{
    Saved,
    Submitted,
    Queried,
    Approved,
}

/// <summary>What happened to a timesheet, by whom and when: its history, shown with it and kept for audit.</summary>
public sealed class TimesheetEvent : Entity
{
    private TimesheetEvent() { By = string.Empty; }

    internal TimesheetEvent(TimesheetStep step, string by, DateTimeOffset at, string? reason)
    {
        Step = step;
        By = Guard.Required(by, Limits.Actor);
        At = at;
        Reason = Guard.Optional(reason, Limits.Reason, "The reason");
    }

    public int TimesheetId { get; private set; }
    public TimesheetStep Step { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}
