using System.Globalization;

namespace Connect2Luton.Application.Timesheets;

/// <summary>
/// Hours as people type them on a timesheet: "7.5", "7", or hours and minutes, "7:30". Blank is no hours. Anything
/// else (a comma, an exponent, a number too long to be hours) is refused with how to write it.
/// </summary>
public static class HoursText
{
    public const string Example = "Enter hours as a number, like 7.5, or as hours and minutes, like 7:30";

    public static (decimal Hours, string? Problem) Read(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return (0m, null);
        var text = typed.Trim();
        if (text.Length > 8) return (0m, Example);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (!int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
                || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || text.Length - colon - 1 != 2 || minutes >= 60)
                return (0m, Example);
            return (whole + minutes / 60m, null);
        }
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours)
            ? (hours, null)
            : (0m, Example);
    }

    /// <summary>Hours as the form shows them back: 7.5, 7.25, 8.</summary>
    public static string Show(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
