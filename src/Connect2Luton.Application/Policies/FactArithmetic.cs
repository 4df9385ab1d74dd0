using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// A case's facts with one of them set to a new value, and whatever follows from it worked out (a pay rate's
/// on-costs): what moves a test case written against a named value to the value's new boundary.
/// </summary>
/// <param name="valueOf">The rule set's named values in force for the facts, by name, for rates the arithmetic uses.</param>
public delegate object FactArithmetic(object facts, string fact, decimal value, Func<string, object?> valueOf);

/// <summary>Facts with one set and nothing else changed: the arithmetic of a rule set whose facts do not follow from each other.</summary>
public static class CaseFacts
{
    public static object Set(object facts, string fact, decimal value)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var type = facts.GetType();
        var property = type.GetProperty(fact) ?? throw new ArgumentException($"There is no fact {fact}.", nameof(fact));
        var node = JsonSerializer.SerializeToNode(facts, type)!.AsObject();
        var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        node[fact] = kind == typeof(int) ? JsonValue.Create((int)value) : JsonValue.Create(value);
        return node.Deserialize(type)!;
    }

    /// <summary>The arithmetic that sets the one fact.</summary>
    public static FactArithmetic Plain { get; } = (facts, fact, value, _) => Set(facts, fact, value);
}
