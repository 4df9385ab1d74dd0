using Connect2Luton.Application.Policies;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>A text field in a table row of the edit page: its form key, its name as rules write it, what it is, its value.</summary>
public sealed record FieldRow(string Key, string Code, string? Hint, string? Value, string? InputClass = null)
{
    public static FieldRow ForFact(FactView fact, string? value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new($"Sample[{fact.Name}]", Application.RuleSets.Values.CodeWords.Of(fact.Name), $"{fact.Description} ({fact.Type})", value);
    }
}

/// <summary>A value an officer sets, with what its fields hold: the value in force today and a change from a later day.</summary>
public sealed record ValueField(NamedValueView Value, string? Typed, DateOnly Today, string? ChangeFrom, string? ChangeTo);
