using Connect2Luton.Application.Policies;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// A sample fact's row on the edit page: its form key, its name in words, what it is, its value, and, for a fact
/// holding one of a list of names, the choices in words (the name is what is sent).
/// </summary>
public sealed record FieldRow(string Key, string Label, string? Hint, string? Value, IReadOnlyList<FactChoice>? Choices = null)
{
    public static FieldRow ForFact(FactView fact, string? value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new($"Sample[{fact.Name}]", Application.RuleSets.Values.CodeWords.Of(fact.Name),
            fact.Choices is null ? $"{fact.Description} ({fact.Type})" : fact.Description, value, fact.Choices);
    }
}

/// <summary>A value an officer sets, with what its fields hold: the value in force today and a change from a later day.</summary>
public sealed record ValueField(NamedValueView Value, string? Typed, DateOnly Today, string? ChangeFrom, string? ChangeTo);
