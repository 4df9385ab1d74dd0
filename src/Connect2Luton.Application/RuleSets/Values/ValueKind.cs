using System.Globalization;

namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>What a typed value became: the expression to write into the rule file, or why it was refused.</summary>
public sealed record TypedValue(string? Expression, string? Error)
{
    public static TypedValue Written(string expression) => new(expression, null);

    public static TypedValue Refused(string error) => new(null, error);
}

/// <summary>
/// The kind of a named value an officer sets, as the rule file declares it ("Type" and "Unit"): how it is shown
/// (£45.00, 12.07%, 26 weeks), how what is typed is read and bounded, and how it is written into the file in the
/// form the rules read (45.00m, 0.1207m, 26). A value whose expression is not in that form is worked out, not set.
/// </summary>
public abstract partial class ValueKind
{
    protected static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The type as the rule file names it: Money, Percentage, WholeNumber, YesNo, PostcodeDistricts, Date, Text, Choices.</summary>
    public abstract string Name { get; }

    /// <summary>What is typed beside the value's field, before it (£) and after it (an hour, %, weeks), if anything.</summary>
    public virtual string? Prefix => null;

    public virtual string? Suffix => null;

    /// <summary>How a field for this type is sized and what a phone's keyboard offers.</summary>
    public virtual string FieldWidth => "govuk-input--width-10";

    public virtual string InputMode => "text";

    /// <summary>Whether an empty field is an answer (no choices) rather than a value left out.</summary>
    public virtual bool TakesNone => false;

    /// <summary>An example of what to type, for hints and messages.</summary>
    public abstract string Example { get; }

    /// <summary>The value as an officer reads it, from its expression; null when the expression is not a plain value of this type.</summary>
    public abstract string? Show(string expression);

    /// <summary>What was typed, read as this type and written as the rules read it; refused with a message naming <paramref name="label"/>.</summary>
    public abstract TypedValue Read(string typed, string label);

    /// <summary>
    /// The value as a sentence shows it: the field's own form with its unit ("£45.00 an hour", "26 weeks").
    /// Falls back to the expression where it is not a plain value of this type.
    /// </summary>
    public string InWords(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Show(expression) is not { } shown ? expression : $"{Prefix}{shown}{(Suffix is null ? "" : Suffix == "%" ? "%" : $" {Suffix}")}";
    }

    /// <summary>A label as a sentence carries it on: "Holiday pay" is "holiday pay", "DfE cap" stays.</summary>
    public static string Lower(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var words = label.Split(' ');
        // A name (Luton, National Living Wage) keeps its capitals: only a first word that is plainly not one is
        // lowered, one with no capital after its first letter and no other capitalised word after it.
        var first = words[0];
        var plain = first.Length > 1 && char.IsUpper(first[0]) && first.Skip(1).All(c => !char.IsUpper(c))
            && words.Skip(1).All(w => w.Length == 0 || !char.IsUpper(w[0])) && !ProperNames.Contains(first);
        return plain ? char.ToLowerInvariant(label[0]) + label[1..] : label;
    }

    // Places and bodies a label may begin with, which keep their capital mid-sentence.
    private static readonly HashSet<string> ProperNames = new(StringComparer.Ordinal) { "Luton", "Bedford", "England", "Ofsted", "Employer" };

    /// <summary>A decimal literal as the rules write one (45.00m, 0.1207m, 26); null for anything else.</summary>
    protected static decimal? DecimalLiteral(string expression)
    {
        var text = expression.Trim();
        if (text.EndsWith('m') || text.EndsWith('M')) text = text[..^1];
        if (text.Length == 0 || text.Length > 40 || !text.All(c => char.IsAsciiDigit(c) || c == '.' || c == '-')) return null;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A text literal ("LU1, LU2"), unescaped; null for anything else or text with quotes or backslashes inside.</summary>
    protected static string? TextLiteral(string expression)
    {
        var text = expression.Trim();
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"') return null;
        var inner = text[1..^1];
        return inner.Contains('"', StringComparison.Ordinal) || inner.Contains('\\', StringComparison.Ordinal) ? null : inner;
    }

    /// <summary>
    /// A number as people type one, with the words allowed around it ("£1,250.50", "12.07 %", "26 weeks"), at most
    /// <paramref name="places"/> decimal places and no more than <paramref name="most"/>; null, with why, otherwise.
    /// </summary>
    protected static (decimal? Value, string? Problem) Number(string typed, int places, decimal most, params string[] around)
    {
        var text = typed.Trim();
        foreach (var word in around.OrderByDescending(w => w.Length))
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) text = text[word.Length..].Trim();
            if (text.EndsWith(word, StringComparison.OrdinalIgnoreCase)) text = text[..^word.Length].Trim();
        }
        // Bounded before it is read: a number a page could hold, not a megabyte of digits.
        if (text.Length is 0 or > 24) return (null, "number");
        // Commas only as they group thousands (1,250.50): "47,5" is a decimal comma, not four hundred and seventy-five.
        if (text.Contains(',', StringComparison.Ordinal) && !Grouped().IsMatch(text)) return (null, "comma");
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, Uk, out var value))
            return (null, "number");
        if (value < 0) return (null, "negative");
        if (value > most) return (null, "too big");
        if (decimal.Round(value, places) != value) return (null, "places");
        return (value, null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex Grouped();
}
