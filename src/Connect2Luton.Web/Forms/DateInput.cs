using System.Globalization;

namespace Connect2Luton.Web.Forms;

/// <summary>The GOV.UK date input: day, month and year typed separately, read as a date with its own messages.</summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    /// <summary>The date typed, or null with the message to show ("The start date must include a month").</summary>
    public DateOnly? Read(string what, out string? error)
    {
        error = null;
        if (IsEmpty) return null;
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            error = $"{what} must include a {string.Join(" and ", missing)}";
            return null;
        }
        // Spaces typed around a number are not part of it.
        if (!int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            error = $"{what} must be a real date, written in numbers";
            return null;
        }
        if (year is < 1900 or > 2100)
        {
            error = $"{what} must have a year between 1900 and 2100";
            return null;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{what} must be a real date";
            return null;
        }
        return new DateOnly(year, month, day);
    }
}
