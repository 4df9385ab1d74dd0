using System.Globalization;
using System.Linq.Expressions;
using System.Text;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// A rule's message with values in braces: {input.PayRate:0.00} for a fact, {dfeCap:0.00} for a named value,
/// {{ and }} for literal braces. Checked when the rule set loads, so a misspelt name is an error then, not a
/// blank in a decision months later.
/// </summary>
internal sealed class MessageTemplate
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");
    private readonly IReadOnlyList<Part> _parts;

    private MessageTemplate(IReadOnlyList<Part> parts) => _parts = parts;

    public static MessageTemplate Empty { get; } = new([]);

    /// <summary>Parses a message; problems name each placeholder that does not match a fact or named value.</summary>
    public static MessageTemplate Parse(string? text, Type factType, IReadOnlyDictionary<string, Type> namedValues, List<string> problems)
    {
        if (string.IsNullOrEmpty(text)) return Empty;
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                problems.Add("The message has a '}' with no '{' before it (write '}}' for a brace).");
                return Empty;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                problems.Add("The message has a '{' with no '}' after it (write '{{' for a brace).");
                return Empty;
            }
            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), null, null, null));
                literal.Clear();
            }
            var placeholder = text[(i + 1)..close];
            var colon = placeholder.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? placeholder : placeholder[..colon]).Trim();
            var format = colon < 0 ? null : placeholder[(colon + 1)..];
            if (name.StartsWith("input.", StringComparison.Ordinal))
            {
                var member = factType.GetProperty(name["input.".Length..]);
                if (member is null) problems.Add($"The message names {{{name}}}, but there is no fact called '{name["input.".Length..]}'.");
                else if (MessageFormats.Problem(placeholder, format, member.PropertyType) is { } refused) problems.Add(refused);
                else parts.Add(new Part(null, Getter(factType, member.Name), null, format));
            }
            else if (namedValues.TryGetValue(name, out var type))
            {
                if (MessageFormats.Problem(placeholder, format, type) is { } refused) problems.Add(refused);
                else parts.Add(new Part(null, null, name, format));
            }
            else
            {
                problems.Add($"The message names {{{name}}}, which is neither a fact (input.Name) nor a named value of this rule set.");
            }
            i = close;
        }
        if (literal.Length > 0) parts.Add(new Part(literal.ToString(), null, null, null));
        return new MessageTemplate(parts);
    }

    /// <summary>
    /// The most a written message may be. A placeholder writes a value in, and a named value of text may be long, so
    /// a short message can write out to megabytes and a what-if writes hundreds of them: what is written is bounded.
    /// </summary>
    public const int MostWritten = 2_000;

    public string Format(object facts, IReadOnlyDictionary<string, object?> namedValues)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            var written = part.Literal
                ?? MessageFormats.Write(part.Fact is not null ? part.Fact(facts) : namedValues.GetValueOrDefault(part.NamedValue!), part.Format, UkCulture)
                ?? string.Empty;
            if (text.Length + written.Length > MostWritten)
            {
                text.Append(written.AsSpan(0, Math.Max(0, MostWritten - text.Length))).Append('…');
                break;
            }
            text.Append(written);
        }
        return text.ToString();
    }

    private static Func<object, object?> Getter(Type factType, string member)
    {
        var facts = Expression.Parameter(typeof(object), "facts");
        var read = Expression.Convert(Expression.Property(Expression.Convert(facts, factType), member), typeof(object));
        return Expression.Lambda<Func<object, object?>>(read, facts).Compile();
    }

    private sealed record Part(string? Literal, Func<object, object?>? Fact, string? NamedValue, string? Format);
}
