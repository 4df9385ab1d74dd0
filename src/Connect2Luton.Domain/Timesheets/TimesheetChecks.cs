using System.Globalization;

namespace Connect2Luton.Domain.Timesheets;

/// <summary>What a week's hours are checked against: the placement's dates, today, and what the worker and the rules allow.</summary>
/// <param name="AllowedTypes">The kinds of hours the role may claim, as the pay-rate rules say; standard hours always.</param>
public sealed record TimesheetLimits(
    DateOnly PlacementStart,
    DateOnly PlacementEnd,
    DateOnly Today,
    bool OptedOutOfWeeklyLimit,
    IReadOnlySet<TimesheetLineType> AllowedTypes);

/// <summary>One thing wrong with a week's hours: on a day and kind of hours, or (neither set) with the week as a whole.</summary>
public sealed record TimesheetProblem(DateOnly? Day, TimesheetLineType? Type, string Message);

/// <summary>
/// The checks every week's hours pass before they are saved, whoever enters them. The forms show each problem at
/// its field; the timesheet refuses hours that fail one, so no path saves them.
/// </summary>
public static class TimesheetChecks
{
    /// <summary>Nobody works more than a day's hours in a day.</summary>
    public const decimal MostHoursInADay = 24m;

    /// <summary>The Working Time Regulations 1998's weekly limit (regulation 4), which a worker may opt out of in writing.</summary>
    public const decimal WeeklyLimitHours = 48m;

    /// <summary>Hours are recorded to the quarter hour, as council timesheets are.</summary>
    public const decimal Step = 0.25m;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<TimesheetProblem> Problems(DateOnly weekStart, IReadOnlyCollection<TimesheetHours> hours, TimesheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<TimesheetProblem>();
        if (!TimesheetWeek.IsMonday(weekStart)) problems.Add(new(null, null, "A timesheet's week starts on a Monday"));
        if (weekStart > limits.Today) problems.Add(new(null, null, "A timesheet cannot be entered for a week that has not started yet"));
        var sound = new List<TimesheetHours>();
        foreach (var entry in hours)
        {
            if (entry.Hours == 0) continue;
            var problem = Problem(weekStart, entry, limits);
            if (problem is not null) problems.Add(new(entry.Day, entry.Type, problem));
            else sound.Add(entry);
        }
        // A day's and the week's totals are of the hours that passed their own checks: an entry already refused (25 in
        // one field) is said once, at its field, not again as a day or a week over its limit.
        foreach (var day in sound.GroupBy(h => h.Day))
        {
            var total = day.Sum(h => h.Hours);
            if (total > MostHoursInADay) problems.Add(new(day.Key, null, $"{Day(day.Key)} has {Hours(total)}: no more than 24 hours can be worked in a day"));
        }
        var week = sound.Sum(h => h.Hours);
        if (week > WeeklyLimitHours && !limits.OptedOutOfWeeklyLimit)
            problems.Add(new(null, null, $"{Hours(week)} is over the Working Time Regulations' limit of 48 hours a week, and no opt-out of it is recorded"));
        return problems;
    }

    private static string? Problem(DateOnly weekStart, TimesheetHours entry, TimesheetLimits limits)
    {
        if (entry.Hours < 0) return "Hours cannot be less than 0";
        if (entry.Hours > MostHoursInADay) return $"No more than 24 hours can be worked in a day, and this is {Hours(entry.Hours)}";
        if (entry.Hours % Step != 0) return "Enter hours to the quarter hour, like 7.5 or 7.25";
        if (entry.Day < weekStart || entry.Day > weekStart.AddDays(6)) return $"{Day(entry.Day)} is not in the week of {Day(weekStart)}";
        if (entry.Day < limits.PlacementStart) return $"The placement starts on {Day(limits.PlacementStart)}: no hours can be worked before it";
        if (entry.Day > limits.PlacementEnd) return $"The placement ended on {Day(limits.PlacementEnd)}: no hours can be worked after it";
        if (entry.Day > limits.Today) return "Hours cannot be entered for a day that has not happened yet";
        if (entry.Type != TimesheetLineType.Standard && !limits.AllowedTypes.Contains(entry.Type))
            return $"{Describe(entry.Type)} hours cannot be claimed in this role";
        return null;
    }

    public static string Describe(TimesheetLineType type) => type switch
    {
        TimesheetLineType.Standard => "Standard",
        TimesheetLineType.Overtime => "Overtime",
        TimesheetLineType.SleepIn => "Sleep-in",
        TimesheetLineType.OnCall => "On-call",
        _ => type.ToString(),
    };

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", English);

    /// <summary>
    /// Hours as a message quotes them, never rounded into another figure: 7.5 hours, 1 hour, and hours typed with
    /// minutes that are no whole hundredth of an hour as hours and minutes ("24:01" is 24 hours 1 minute, not 24.02).
    /// </summary>
    public static string Hours(decimal hours)
    {
        if (decimal.Round(hours, 2) == hours) return hours == 1 ? "1 hour" : $"{hours.ToString("0.##", English)} hours";
        var minutes = hours * 60;
        if (decimal.Round(minutes, 20) != decimal.Round(minutes))
            return $"{hours.ToString("0.############################", English)} hours";
        var whole = (long)decimal.Round(minutes);
        var (h, m) = (whole / 60, whole % 60);
        var parts = new[] { h == 0 ? null : h == 1 ? "1 hour" : $"{h.ToString("N0", English)} hours", m == 0 ? null : m == 1 ? "1 minute" : $"{m.ToString(English)} minutes" };
        return string.Join(' ', parts.OfType<string>());
    }
}
