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
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '"')
            {
                var end = i + 1;
                while (end < expression.Length && expression[end] != '"') end += expression[end] == '\\' ? 2 : 1;
                end = Math.Min(end + 1, expression.Length);
                folded.Append(expression, i, end - i);
                i = end;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var end = i;
                while (end < expression.Length && (char.IsAsciiLetterOrDigit(expression[end]) || expression[end] == '_')) end++;
                var name = expression[i..end];
                var afterDot = PreviousSignificant(expression, i) == '.';
                folded.Append(!afterDot && values.TryGetValue(name, out var text) ? $"({text})" : name);
                i = end;
            }
            else if (char.IsAsciiDigit(c))
            {
                // A number with its suffix (12.71m) is copied whole, so its letters are not read as a name.
                var end = i;
                while (end < expression.Length && (char.IsAsciiLetterOrDigit(expression[end]) || expression[end] == '.')) end++;
                folded.Append(expression, i, end - i);
                i = end;
            }
            else
            {
                folded.Append(c);
                i++;
            }
        }
        return folded.ToString();
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
