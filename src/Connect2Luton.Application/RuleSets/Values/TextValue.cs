namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>A short piece of text the rules compare with a fact (a council's name, a region), written in quotes.</summary>
public sealed class TextValue : ValueKind
{
    private const int Most = 200;

    public override string Name => "Text";

    public override string FieldWidth => "govuk-input--width-30";

    public override string Example => "Luton Borough Council";

    public override string? Show(string expression) => TextLiteral(expression);

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var text = typed.Trim();
        // Invisible characters (zero-width spaces, direction overrides) would make a name that looks like another.
        if (text.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            return TypedValue.Refused($"{label} cannot contain tabs, line breaks or invisible characters");
        if (text.Length == 0) return TypedValue.Refused($"Enter {Lower(label)}");
        if (text.Length > Most) return TypedValue.Refused($"{label} must be {Most} characters or fewer");
        // Quotes and backslashes would end or escape the text in the rule.
        if (text.Any(c => c is '"' or '\\')) return TypedValue.Refused($"{label} cannot contain quotation marks or backslashes");
        return TypedValue.Written($"\"{text}\"");
    }

}
