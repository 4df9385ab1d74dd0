using System.Globalization;

namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>A count, in the file's Unit where it has one: 26 weeks, 6 months, 42 days, 30 points; written 26.</summary>
public sealed class WholeNumberValue(string? unit) : ValueKind
{
    // Nothing the rules count (weeks, months, days, points, hours) runs to a million: more is a slip, and bounding it
    // keeps arithmetic on it far from overflow.
    private const decimal Most = 1_000_000m;

    public override string Name => "WholeNumber";

    public override string? Suffix => unit;

    public override string FieldWidth => "govuk-input--width-5";

    public override string InputMode => "numeric";

    public override string Example => unit is null ? "26" : $"26 {unit}";

    public override string? Show(string expression)
    {
        var text = expression.Trim();
        return text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var words = unit is null ? [] : new[] { unit, Singular(unit) };
        var (count, problem) = Number(typed, 0, Most, words);
        var what = unit is null ? "a whole number" : $"a whole number of {unit}";
        return problem switch
        {
            null => TypedValue.Written(((int)count!.Value).ToString(CultureInfo.InvariantCulture)),
            "comma" => TypedValue.Refused($"{label} must be {what}, like {Example}"),
            "negative" => TypedValue.Refused($"{label} must be 0 or more"),
            "too big" => TypedValue.Refused($"{label} must be no more than {Most:#,##0}"),
            _ => TypedValue.Refused($"{label} must be {what}, like {Example}"),
        };
    }

    /// <summary>"1 week", "2 weeks": the unit as a count of one says it.</summary>
    public static string Singular(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var space = unit.IndexOf(' ', StringComparison.Ordinal);
        var (noun, rest) = space < 0 ? (unit, "") : (unit[..space], unit[space..]);
        return (noun.EndsWith('s') ? noun[..^1] : noun) + rest;
    }
}
