using System.Globalization;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Timesheets;

/// <summary>
/// The names of a week's fields, as the form posts them and as errors are keyed: one a day and kind of hours
/// ("Hours[2026-11-16-Standard]"), one a day for its total, and the week as a whole.
/// </summary>
public static class TimesheetFields
{
    public const string Week = "Week";
    public const string Reason = "Reason";

    /// <summary>The box ticked to send a week with no hours in it (a nil return).</summary>
    public const string NoHoursWorked = "NoHoursWorked";

    public static string Key(DateOnly day, TimesheetLineType type) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}-{type}");

    public static string HoursField(DateOnly day, TimesheetLineType type) => $"Hours[{Key(day, type)}]";

    public static string DayField(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"Day-{day:yyyy-MM-dd}");

    /// <summary>The day and kind of hours a posted key names; null for one that names neither (anything else posted is ignored).</summary>
    public static (DateOnly Day, TimesheetLineType Type)? Parse(string key)
    {
        if (key is not { Length: > 11 } || key[10] != '-') return null;
        if (!DateOnly.TryParseExact(key.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        // Only a kind's own name as the form writes it: no spaces, signs, numbers or lists of kinds.
        var name = key[11..];
        return Enum.GetNames<TimesheetLineType>().Contains(name, StringComparer.Ordinal) ? (day, Enum.Parse<TimesheetLineType>(name)) : null;
    }
}
