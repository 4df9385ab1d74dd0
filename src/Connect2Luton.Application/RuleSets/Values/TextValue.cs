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
        if (text.Length == 0) return TypedValue.Refused($"Enter {Lower(label)}");
        if (text.Length > Most) return TypedValue.Refused($"{label} must be {Most} characters or fewer");
        // A name or a region as people write one: letters, digits, plain spaces and a little punctuation. Anything
        // else (quotes that would end the text in a rule, invisible or look-alike characters) is refused.
        if (!text.All(c => char.IsLetterOrDigit(c) && !char.IsSurrogate(c) || c is ' ' or '\'' or '’' or '-' or '.' or ',' or '&' or '(' or ')' or '/'))
            return TypedValue.Refused($"{label} can only contain letters, digits, spaces and ' - . , & ( ) /");
        return TypedValue.Written($"\"{text}\"");
    }

}
