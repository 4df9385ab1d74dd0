namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>
/// Some of a fixed list of choices the application records (break reasons, requisition reasons), shown and typed
/// in words ("Sickness, Jury service"), written as the text of their codes the rules look a fact up in
/// ("Sickness, JuryService"). The list is the Unit: "break reasons".
/// </summary>
public sealed class ChoicesValue(ValueChoices choices) : ValueKind
{
    public override string Name => "Choices";

    public override string FieldWidth => "govuk-input--width-30";

    public override string Example => string.Join(", ", choices.Words.Take(2));

    /// <summary>None of the choices is an answer too: the rules then find no fact among them.</summary>
    public override bool TakesNone => true;

    /// <summary>Every choice, in words, for the hint beside the field.</summary>
    public IReadOnlyList<string> Offered => choices.Words;

    public override string? Show(string expression)
    {
        if (TextLiteral(expression) is not { } list) return null;
        var words = new List<string>();
        foreach (var code in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (choices.WordsFor(code) is not { } word) return null;
            words.Add(word);
        }
        return string.Join(", ", words);
    }

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.Length > 2_000) return TypedValue.Refused($"{label} is too long: choose from {string.Join(", ", choices.Words)}");
        var codes = new List<string>();
        foreach (var part in typed.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (choices.CodeFor(part) is not { } code)
                return TypedValue.Refused($"{(part.Length <= 40 ? part : part[..40] + "…")} is not one of the {choices.Name}: choose from {string.Join(", ", choices.Words)}");
            if (!codes.Contains(code, StringComparer.Ordinal)) codes.Add(code);
        }
        return TypedValue.Written($"\"{string.Join(", ", codes)}\"");
    }
}

/// <summary>A list of choices the application records: codes as the facts carry them, and the words people use for each.</summary>
public sealed class ValueChoices(string name, IReadOnlyList<(string Code, string Words)> choices)
{
    public string Name => name;

    public IReadOnlyList<string> Words { get; } = [.. choices.Select(c => c.Words)];

    public string? WordsFor(string code) => choices.FirstOrDefault(c => c.Code == code).Words;

    /// <summary>The code for what was typed: its words or its code, in any case.</summary>
    public string? CodeFor(string typed) =>
        choices.FirstOrDefault(c => string.Equals(c.Words, typed, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Code, typed, StringComparison.OrdinalIgnoreCase)).Code;

    /// <summary>The choices of an enum, worded from their names: JuryService is "Jury service".</summary>
    public static ValueChoices Of<TEnum>(string name) where TEnum : struct, Enum =>
        new(name, [.. Enum.GetNames<TEnum>().Select(code => (code, CodeWords.Of(code)))]);
}
