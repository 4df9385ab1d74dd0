namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>
/// A code as people write it: "JuryService" is "Jury service", "WithinDfeCap" is "Within DfE cap",
/// "PregnancyOrMaternity" is "Pregnancy or maternity".
/// </summary>
public static partial class CodeWords
{
    // Abbreviations a code spells as a word (Dfe) that people write their own way.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dfe"] = "DfE", ["awr"] = "AWR", ["dbs"] = "DBS", ["njc"] = "NJC", ["jnc"] = "JNC", ["hr"] = "HR", ["ni"] = "NI", ["lgps"] = "LGPS", ["dps"] = "DPS",
    };

    // Names that keep their capitals wherever they fall ("Lives in Luton", "At least National Living Wage").
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "Luton", "National", "Living", "Wage", "Insurance", "England", "Bedfordshire" };

    // Words people write joined by a hyphen ("the in-house pool", "long-running"), which a code runs together.
    private static readonly string[] Hyphenated = ["in house", "long running"];

    public static string Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= code.Length; i++)
        {
            // A word ends before a capital that follows a small letter or a digit, or before the last capital of a run followed by a small letter.
            var ends = i == code.Length
                || (char.IsUpper(code[i]) && (char.IsLower(code[i - 1]) || char.IsDigit(code[i - 1])))
                || (char.IsUpper(code[i]) && char.IsUpper(code[i - 1]) && i + 1 < code.Length && char.IsLower(code[i + 1]));
            if (!ends) continue;
            words.Add(code[start..i]);
            start = i;
        }
        var said = words.Select((word, at) =>
            Abbreviations.TryGetValue(word, out var abbreviation) ? abbreviation
            : word.All(char.IsUpper) && word.Length > 1 ? word
            : at == 0 || Names.Contains(word) ? char.ToUpperInvariant(word[0]) + word[1..]
            : word.ToLowerInvariant());
        // "GradesAtoD" is grades A to D.
        var text = Range().Replace(string.Join(' ', said), m => $"{char.ToUpperInvariant(m.Groups[1].Value[0])} to {char.ToUpperInvariant(m.Groups[2].Value[0])}");
        foreach (var pair in Hyphenated)
        {
            for (var at = text.IndexOf(pair, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(pair, at + pair.Length, StringComparison.OrdinalIgnoreCase))
            {
                var space = at + pair.IndexOf(' ', StringComparison.Ordinal);
                var whole = (at == 0 || text[at - 1] == ' ') && (at + pair.Length == text.Length || text[at + pair.Length] == ' ');
                if (whole) text = string.Concat(text.AsSpan(0, space), "-", text.AsSpan(space + 1));
            }
        }
        return text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b([A-Za-z])to ([A-Za-z])\b")]
    private static partial System.Text.RegularExpressions.Regex Range();

    /// <summary>What a decision's outcome means, as pages and messages say it: "NeedsException" is "Over the cap: needs sign-off".</summary>
    public static string Outcome(string outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome switch
        {
            "NeedsException" => "Over the cap: needs sign-off",
            _ => Of(outcome),
        };
    }
}
