namespace Connect2Luton.Domain.Timesheets;

/// <summary>A timesheet's week runs Monday to Sunday.</summary>
public static class TimesheetWeek
{
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static bool IsMonday(DateOnly day) => day.DayOfWeek == DayOfWeek.Monday;

    /// <summary>A week whose days, and the weeks either side of it, are all dates: not at the very ends of the calendar.</summary>
    public static bool IsReal(DateOnly monday) => monday.DayNumber >= DateOnly.MinValue.DayNumber + 7 && monday.DayNumber <= DateOnly.MaxValue.DayNumber - 14;

    public static IEnumerable<DateOnly> DaysFrom(DateOnly monday) => Enumerable.Range(0, 7).Select(monday.AddDays);
}
