using System.Text;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Replaces the names of named values in an expression with their own expressions, in brackets, the way a
/// compiler inlines: a constant becomes its literal, a value worked out from the facts becomes the formula. Only
/// whole names outside text literals are replaced, and never a member name after a dot (input.Cap is a fact).
/// </summary>
internal static class NamedValueInlining
{
    public static string Inline(string expression, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0) return expression;
        var folded = new StringBuilder(expression.Length);
        var at = 0;
        foreach (var (start, end) in Names(expression))
        {
            var name = expression[start..end];
            if (!values.TryGetValue(name, out var text)) continue;
            folded.Append(expression, at, start - at).Append('(').Append(text).Append(')');
            at = end;
        }
        return folded.Append(expression, at, expression.Length - at).ToString();
    }

    /// <summary>
    /// Where the names an expression uses are: whole words outside text literals, not after a dot (input.Cap is a
    /// fact), and not the letters of a number's suffix (12.71m).
    /// </summary>
    public static IEnumerable<(int Start, int End)> Names(string expression)
    {
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '"')
            {
                var end = i + 1;
                while (end < expression.Length && expression[end] != '"') end += expression[end] == '\\' ? 2 : 1;
                i = Math.Min(end + 1, expression.Length);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var end = i;
                while (end < expression.Length && (char.IsAsciiLetterOrDigit(expression[end]) || expression[end] == '_')) end++;
                if (PreviousSignificant(expression, i) != '.') yield return (i, end);
                i = end;
            }
            else if (char.IsAsciiDigit(c))
            {
                // A number with its suffix (12.71m) is passed whole, so its letters are not read as a name.
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '.')) i++;
            }
            else
            {
                i++;
            }
        }
    }

    private static char PreviousSignificant(string text, int before)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i])) return text[i];
        }
        return '\0';
    }
}
