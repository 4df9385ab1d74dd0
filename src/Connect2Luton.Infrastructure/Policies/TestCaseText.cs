using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Changes to a test-case file made in place in its text: a case's facts or its expectation rewritten, everything
/// else (the order of cases, spacing, the other cases) byte for byte as it was.
/// </summary>
internal static class TestCaseText
{
    /// <summary>Where each case's parts are in the text, by case name (the first case of a name where two share one).</summary>
    private sealed record CaseSpans(string Name, (int Start, int End)? Facts, (int Start, int End)? Expect, int AfterName);

    /// <summary>The text with the given cases' Facts objects replaced (or added after the Name where a case has none).</summary>
    public static string WithFacts(string json, IReadOnlyDictionary<string, JsonObject> facts) =>
        Replace(json, facts, s => s.Facts, "Facts");

    /// <summary>The text with the given cases' Expect objects replaced.</summary>
    public static string WithExpectations(string json, IReadOnlyDictionary<string, JsonObject> expectations) =>
        Replace(json, expectations, s => s.Expect, "Expect");

    private static string Replace(string json, IReadOnlyDictionary<string, JsonObject> objects, Func<CaseSpans, (int Start, int End)?> part, string key)
    {
        if (objects.Count == 0) return json;
        var bytes = Encoding.UTF8.GetBytes(json);
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var spans in Spans(bytes).DistinctBy(s => s.Name))
        {
            if (!objects.TryGetValue(spans.Name, out var value)) continue;
            var text = Compact(value);
            edits.Add(part(spans) is { } at ? (at.Start, at.End, text) : (spans.AfterName, spans.AfterName, $", \"{key}\": {text}"));
        }
        var written = new StringBuilder(json.Length + 256);
        var from = 0;
        foreach (var (start, end, text) in edits.OrderBy(e => e.Start))
        {
            written.Append(Encoding.UTF8.GetString(bytes, from, start - from)).Append(text);
            from = end;
        }
        written.Append(Encoding.UTF8.GetString(bytes, from, bytes.Length - from));
        return written.ToString();
    }

    /// <summary>An object on one line as the shipped files write one: { "PayRate": 34.92, "HolidayPay": 4.21 }.</summary>
    public static string Compact(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Count == 0) return "{}";
        return $"{{ {string.Join(", ", value.Select(p => $"{JsonSerializer.Serialize(p.Key, RuleFileText.Readable)}: {Inline(p.Value)}"))} }}";
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject inner => Compact(inner),
        JsonArray list => list.Count == 0 ? "[]" : $"[ {string.Join(", ", list.Select(Inline))} ]",
        _ => node.ToJsonString(RuleFileText.Readable),
    };

    private static List<CaseSpans> Spans(byte[] bytes)
    {
        var found = new List<CaseSpans>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        var depth = 0;
        string? property = null;
        var inCases = false;
        string? name = null;
        (int, int)? facts = null, expect = null;
        var afterName = 0;
        int? partStart = null;
        string? part = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    depth++;
                    if (depth == 2 && reader.TokenType == JsonTokenType.StartArray) inCases = property == "Cases";
                    if (depth == 3 && inCases) (name, facts, expect) = (null, null, null);
                    if (depth == 4 && inCases && reader.TokenType == JsonTokenType.StartObject && property is "Facts" or "Expect")
                        (partStart, part) = ((int)reader.TokenStartIndex, property);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (depth == 4 && inCases && partStart is { } start)
                    {
                        var span = (start, (int)reader.BytesConsumed);
                        if (part == "Facts") facts = span;
                        else expect = span;
                        partStart = null;
                    }
                    if (depth == 3 && inCases && name is not null) found.Add(new CaseSpans(name, facts, expect, afterName));
                    if (depth == 2) inCases = false;
                    depth--;
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String when depth == 3 && inCases && property == "Name":
                    name = reader.GetString();
                    afterName = (int)reader.BytesConsumed;
                    break;
            }
        }
        return found;
    }
}
