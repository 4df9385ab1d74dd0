using System.Globalization;

namespace Connect2Luton.Infrastructure.Scheduling;

/// <summary>
/// A Quartz cron schedule as an admin reads it: "every night at 02:30, UK time". The usual shapes (daily at a time,
/// on given days of the week, every so many minutes or hours) are put in words; anything else is shown as the
/// schedule setting itself, named as such, since it is what an admin would change in configuration.
/// </summary>
internal static class ScheduleInWords
{
    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] DayCodes = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string Describe(string cron, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var zone = timeZoneId is "Europe/London" or "GMT Standard Time" ? "UK time" : $"{timeZoneId} time";
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 6 or > 7 || parts[0] != "0" || (parts.Length == 7 && parts[6] != "*")) return Setting(cron, timeZoneId);
        var (minute, hour, dayOfMonth, month, dayOfWeek) = (parts[1], parts[2], parts[3], parts[4], parts[5]);
        if (month != "*") return Setting(cron, timeZoneId);

        if (Whole(minute) is { } m && Whole(hour) is { } h && m < 60 && h < 24)
        {
            var at = $"{h:00}:{m:00}";
            var when = h < 6 || h >= 22 ? "night" : "day";
            if (dayOfMonth is "*" or "?" && dayOfWeek is "*" or "?") return $"every {when} at {at}, {zone}";
            if (dayOfMonth == "?" && Days(dayOfWeek) is { } days) return $"every {days} at {at}, {zone}";
            return Setting(cron, timeZoneId);
        }
        if (dayOfMonth is "*" or "?" && dayOfWeek is "*" or "?")
        {
            if (hour == "*" && Every(minute) is { } minutes) return minutes == 1 ? "every minute" : $"every {minutes} minutes";
            if (Whole(minute) is { } past && Every(hour) is { } hours) return $"every {(hours == 1 ? "hour" : $"{hours} hours")} at {past:00} minutes past, {zone}";
        }
        return Setting(cron, timeZoneId);
    }

    private static string Setting(string cron, string timeZoneId) => $"to the schedule \"{cron}\" ({timeZoneId})";

    private static int? Whole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? Every(string text) =>
        text == "*" ? 1 : text.StartsWith("0/", StringComparison.Ordinal) || text.StartsWith("*/", StringComparison.Ordinal) ? Whole(text[2..]) is > 0 and var n ? n : null : null;

    private static string? Days(string text)
    {
        var names = new List<string>();
        foreach (var code in text.Split(','))
        {
            var at = Array.IndexOf(DayCodes, code.ToUpperInvariant());
            if (at < 0) return null;
            names.Add(DayNames[at]);
        }
        return Application.Common.WordLists.And(names);
    }
}
