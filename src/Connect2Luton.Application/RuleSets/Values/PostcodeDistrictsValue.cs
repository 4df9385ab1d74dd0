using System.Text.RegularExpressions;

namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>
/// A list of postcode districts, shown and typed as people write them (LU1 LU2 LU3 LU4, commas allowed), written
/// as the text the rules look a district up in ("LU1, LU2, LU3, LU4").
/// </summary>
public sealed partial class PostcodeDistrictsValue : ValueKind
{
    // As many districts as a rule's text value holds (500 characters, written "LU1, MK45, ..."): more than any
    // sensible "local" covers.
    private const int Most = 80;

    public override string Name => "PostcodeDistricts";

    public override string FieldWidth => "govuk-input--width-30";

    public override string Example => "LU1 LU2 LU3 LU4";

    public override string? Show(string expression) =>
        TextLiteral(expression) is { } list && Districts(list) is { } districts ? string.Join(' ', districts) : null;

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        // Bounded before it is split: the districts of the whole country fit well within this.
        if (typed.Length > 20_000) return TypedValue.Refused($"{label} can list at most {Most} postcode districts");
        var parts = typed.Split([' ', ',', ';', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToUpperInvariant()).ToList();
        if (parts.Count == 0) return TypedValue.Refused($"Enter at least one postcode district for {Lower(label)}, like {Example}");
        if (parts.Find(p => !District().IsMatch(p)) is { } wrong)
            return TypedValue.Refused($"{Shorten(wrong)} is not a postcode district: write each as its first half, like LU1 or MK45");
        var districts = parts.Distinct(StringComparer.Ordinal).ToList();
        if (districts.Count > Most) return TypedValue.Refused($"{label} can list at most {Most} postcode districts");
        return TypedValue.Written($"\"{string.Join(", ", districts)}\"");
    }

    /// <summary>Whether a rule's text is a list of postcode districts as the rules write one ("LU1, LU2").</summary>
    public static bool IsList(string list) => Districts(list) is not null;

    private static List<string>? Districts(string list)
    {
        var parts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(District().IsMatch) ? [.. parts] : null;
    }


    private static string Shorten(string text) => text.Length <= 12 ? text : $"{text[..12]}…";

    // The outward code of a UK postcode: one or two letters, a digit, and a letter or digit after it (LU1, MK45, EC1A).
    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex District();
}
