using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Timesheets;

/// <summary>Hours of one kind on one day of a timesheet, as whoever entered the week wrote them.</summary>
public sealed class TimesheetEntry : Entity
{
    private TimesheetEntry() { }

    internal TimesheetEntry(TimesheetHours hours) => (Day, Type, Hours) = (hours.Day, hours.Type, hours.Hours);

    public int TimesheetId { get; private set; }
    public DateOnly Day { get; private set; }
    public TimesheetLineType Type { get; private set; }
    public decimal Hours { get; private set; }

    public TimesheetHours AsHours() => new(Day, Type, Hours);
}
