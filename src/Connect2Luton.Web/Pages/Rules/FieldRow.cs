using Connect2Luton.Application.Policies;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>A text field in a table row of the edit page: its form key, its name as rules write it, what it is, its value.</summary>
public sealed record FieldRow(string Key, string Code, string? Hint, string? Value, string? InputClass = null)
{
    /// <param name="changes">The value's dated changes, said after its description: the field holds the value until the first.</param>
    public static FieldRow ForValue(string name, string? description, string? value, IReadOnlyList<DatedExpression>? changes = null) =>
        new($"Values[{name}]", name,
            DatedExpression.InWords(changes ?? []) is { } dated ? $"{description} This value holds until the first change. {dated} Dated changes are edited in the file's text below." : description,
            value, "app-rule-editor");

    public static FieldRow ForFact(FactView fact, string? value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new($"Sample[{fact.Name}]", $"input.{fact.Name}", $"{fact.Description} ({fact.Type})", value);
    }
}
