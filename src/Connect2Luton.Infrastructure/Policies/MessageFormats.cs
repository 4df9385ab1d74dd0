using System.Globalization;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// The formats a rule's message may write a value in. .NET takes a precision of up to nine digits ({x:F999999999}
/// writes a billion), so a format typed by an officer is refused unless it is one of these, for its kind of value.
/// </summary>
internal static class MessageFormats
{
    private static readonly string[] NumberFormats =
    [
        "0", "0.0", "0.00", "0.000", "0.0000", "0.#", "0.##", "#,##0", "#,##0.00",
        "N0", "N1", "N2", "N3", "N4", "F0", "F1", "F2", "F3", "F4", "C0", "C2", "P0", "P1", "P2",
    ];

    // A whole number written with its unit, singular or plural as it needs: {input.MonthsInPost:months} is "1 month", "7 months".
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["days"] = "day", ["working days"] = "working day", ["hours"] = "hour", ["weeks"] = "week", ["months"] = "month", ["years"] = "year", ["points"] = "point",
    };

    private static readonly string[] WholeNumberFormats = ["D1", "D2", "D3", "D4", .. Units.Keys];

    // Text the application names with a code word ("SicknessCover"), written as words: {input.RequisitionReason:words} is "sickness cover".
    private const string InWords = "words";

    private static readonly string[] DateFormats = ["d MMMM yyyy", "d MMM yyyy", "dd/MM/yyyy", "dddd d MMMM yyyy", "MMMM yyyy", "yyyy-MM-dd"];

    /// <summary>Why the format cannot be used for a value of this type, or null when it can (or there is none).</summary>
    public static string? Problem(string placeholder, string? format, Type type)
    {
        if (format is null) return null;
        var kind = Nullable.GetUnderlyingType(type) ?? type;
        var (allowed, what) = kind == typeof(int) || kind == typeof(long)
            ? ([.. NumberFormats, .. WholeNumberFormats], "a whole number")
            : kind == typeof(decimal) || kind == typeof(double)
                ? (NumberFormats, "a number or amount")
                : kind == typeof(DateOnly)
                    ? (DateFormats, "a date")
                    : kind == typeof(string)
                        ? ([InWords], "text")
                        : ((string[])[], "a yes/no value");
        if (allowed.Contains(format, StringComparer.Ordinal)) return null;
        return allowed.Length == 0
            ? $"The message writes {{{placeholder}}}, but {what} takes no format: write {{{placeholder[..placeholder.IndexOf(':', StringComparison.Ordinal)]}}}."
            : $"The message writes {{{placeholder}}}: '{Shorten(format)}' is not a format a message may use for {what}. Use one of: {string.Join(", ", allowed)}.";
    }

    /// <summary>The value as the message shows it; a value that does not take its format is written plainly.</summary>
    public static string? Write(object? value, string? format, CultureInfo culture)
    {
        if (value is string text && format == InWords) return InWordsOf(text);
        if (format is not null && Units.TryGetValue(format, out var unit) && value is int or long)
        {
            var count = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            return $"{count.ToString("N0", culture)} {(count == 1 ? unit : format)}";
        }
        if (value is not IFormattable formattable) return value?.ToString();
        try
        {
            return formattable.ToString(format, culture);
        }
        catch (FormatException)
        {
            // Checked formats fit their value's type when the rule set loads; a value of another type (a named value
            // read as missing) is shown as it is rather than failing the page.
            return formattable.ToString(null, culture);
        }
    }

    // Mid-sentence, as the pages say a code: "SicknessCover" is "sickness cover".
    private static string InWordsOf(string code) =>
        Application.RuleSets.Values.ValueKind.Lower(Application.RuleSets.Values.CodeWords.Of(code));

    private static string Shorten(string format) => format.Length <= 20 ? format : $"{format[..20]}…";
}
