using System.ComponentModel;
using System.Reflection;
using Connect2Luton.Application.Policies;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>The facts of a rule set, read from the fact record itself so the list never goes stale.</summary>
internal static class FactDocumentation
{
    public static IReadOnlyList<FactView> Of(Type factType) =>
        factType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.Name != "EqualityContract")
            .Select(p => new FactView(p.Name, p.GetCustomAttribute<InPoundsAttribute>() is null ? Describe(p.PropertyType) : InPoundsAttribute.Described,
                p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty, ChoicesOf(p)))
            .ToList();

    private static IReadOnlyList<FactChoice>? ChoicesOf(PropertyInfo property) => property.GetCustomAttribute<CodedAsAttribute>()?.Choices;

    /// <summary>Why a record of facts cannot be decided: a coded fact holding none of its choices, each in words.</summary>
    public static IEnumerable<string> CodedRefusals(object facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var property in facts.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CodedAsAttribute>() is { } coded && coded.Refusal(property.GetValue(facts) as string) is { } refused)
                yield return refused;
        }
    }

    internal static string Describe(Type type) => type switch
    {
        _ when type == typeof(decimal) => "an amount",
        _ when type == typeof(int) => "a whole number",
        _ when type == typeof(bool) => "yes or no",
        _ when type == typeof(string) => "text",
        _ when type == typeof(DateOnly) => "a date",
        _ when Nullable.GetUnderlyingType(type) is { } inner => $"{Describe(inner)}, or empty",
        _ => "a value",
    };
}
