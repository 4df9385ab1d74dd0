using System.Text.RegularExpressions;

namespace Connect2Luton.Testing;

/// <summary>
/// What gives away that a page or message speaks to a developer: a code name (capSocialWorker, SocialWorker,
/// input.PayRate), a C# literal (12.71m), or a type's name (Decimal, Int32, Connect2Luton.Infrastructure...).
/// </summary>
public static partial class PlainWords
{
    /// <summary>Each piece of code in the text, none where it is written as people write.</summary>
    public static IReadOnlyList<string> CodeIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Code().Matches(text).Select(m => m.Value).Distinct().ToList();
    }

    // DfE is how the Department for Education writes itself; McDonald and the like are names, not code, but no page
    // here has one. A camelCase or PascalCase compound, a member access on input, a number with C#'s decimal suffix,
    // a .NET type name, or a namespace of ours.
    [GeneratedRegex(@"\b(?!DfE\b)[A-Z][a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+[A-Z][A-Za-z]*\b|\binput\.[A-Za-z]+|(?<![\w£])\d+(\.\d+)?m\b|\b(Decimal|Int32|Int64|Boolean|DateOnly|Nullable|System\.\w+|Connect2Luton\.\w+)\b")]
    private static partial Regex Code();
}
