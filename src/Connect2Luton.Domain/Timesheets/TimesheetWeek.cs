namespace Connect2Luton.Domain.Timesheets;

/// <summary>A timesheet's week runs Monday to Sunday.</summary>
public static class TimesheetWeek
{
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static bool IsMonday(DateOnly day) => day.DayOfWeek == DayOfWeek.Monday;

    public static IEnumerable<DateOnly> DaysFrom(DateOnly monday) => Enumerable.Range(0, 7).Select(monday.AddDays);
}
