using System.Globalization;

namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>A day, shown 1 April 2027 and typed as people write one (1 April 2027, 1/4/2027, 2027-04-01); written "2027-04-01".</summary>
public sealed class DateValue : ValueKind
{
    private static readonly string[] Forms = ["d MMMM yyyy", "d MMM yyyy", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d M yyyy"];

    public override string Name => "Date";

    public override string Example => "1 April 2027";

    public override string? Show(string expression) =>
        TextLiteral(expression) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("d MMMM yyyy", Uk)
            : null;

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var text = typed.Trim();
        if (text.Length is 0 or > 30 || !DateOnly.TryParseExact(text, Forms, Uk, DateTimeStyles.AllowWhiteSpaces, out var day))
            return TypedValue.Refused($"{label} must be a date, like {Example}");
        if (day.Year is < 2000 or > 2099) return TypedValue.Refused($"{label} must be a date from 2000 to 2099");
        return TypedValue.Written($"\"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"");
    }

    /// <summary>The day a written date holds, for the rules to compare with.</summary>
    public static DateOnly? DayOf(string expression) =>
        TextLiteral(expression) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
