using System.Text.RegularExpressions;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Kinds of value as officers say them ("a whole number", "a date"), for problems with expressions: the expression
/// parser names .NET types ('Int32', 'DateOnly', 'SupplierReleaseFacts'), which mean nothing to whoever wrote the rule.
/// </summary>
internal static partial class TypeWords
{
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Nullable.GetUnderlyingType(type) is { } inner ? $"{Of(inner)} (or empty)" : Named(type.Name) ?? "a value of another kind";
    }

    /// <summary>A message from the expression parser with the types it names said in words, and the facts' record called the facts.</summary>
    public static string InMessage(string message, Type factType)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(factType);
        var noField = NoField().Match(message);
        if (noField.Success)
            return noField.Groups[2].Value == factType.Name
                ? $"there is no fact called '{noField.Groups[1].Value}': the facts these rules can read are listed with the rules, spelled as they must be written"
                : $"{Said(noField.Groups[2].Value)} has no '{noField.Groups[1].Value}'";
        var notValue = NotAValue().Match(message);
        if (notValue.Success) return $"'{notValue.Groups[1].Value}' is not {Said(notValue.Groups[2].Value)}";
        var two = TwoOperands().Match(message);
        if (two.Success) return $"'{two.Groups[1].Value}' cannot be used between {Said(two.Groups[2].Value)} and {Said(two.Groups[3].Value)}";
        var one = OneOperand().Match(message);
        if (one.Success) return $"'{one.Groups[1].Value}' cannot be used on {Said(one.Groups[2].Value)}";
        var compare = Compare().Match(message);
        if (compare.Success) return $"{Said(compare.Groups[1].Value)} cannot be compared with {Said(compare.Groups[2].Value)}";
        // Anything else keeps the parser's words, with any type it names in ours.
        return Quoted().Replace(message, m => m.Groups[1].Value == factType.Name ? "the facts" : Named(m.Groups[1].Value) is { } words ? words + (m.Groups[2].Success ? " (or empty)" : "") : m.Value);
    }

    private static string Said(string typeName)
    {
        var nullable = typeName.EndsWith('?');
        var name = typeName.TrimEnd('?');
        if (name.StartsWith("System.", StringComparison.Ordinal)) name = name["System.".Length..];
        return Named(name) is { } words ? words + (nullable ? " (or empty)" : "") : $"'{typeName}'";
    }

    private static string? Named(string name) => name switch
    {
        "Int32" or "Int64" or "Int16" or "Byte" => "a whole number",
        "Decimal" => "an amount",
        "Double" or "Single" => "a number with a fraction",
        "String" => "text",
        "Boolean" => "a yes/no",
        "DateOnly" => "a date",
        "DateTime" or "DateTimeOffset" => "a date and time",
        "TimeSpan" => "a length of time",
        "DayOfWeek" => "a day of the week",
        "Char" => "a single character",
        "Object" => "a value of any kind",
        _ => null,
    };

    [GeneratedRegex("^No property or field '([^']+)' exists in type '([^']+)'")]
    private static partial Regex NoField();

    [GeneratedRegex(@"^(.*) is not a valid value for (\w+)\.")]
    private static partial Regex NotAValue();

    [GeneratedRegex("^Operator '([^']+)' incompatible with operand types '([^']+)' and '([^']+)'")]
    private static partial Regex TwoOperands();

    [GeneratedRegex("^Operator '([^']+)' incompatible with operand type '([^']+)'")]
    private static partial Regex OneOperand();

    [GeneratedRegex("^Method 'Compare' not found on type '([^']+)' or '([^']+)'")]
    private static partial Regex Compare();

    [GeneratedRegex(@"'(?:System\.)?(\w+)(\?)?'")]
    private static partial Regex Quoted();
}
