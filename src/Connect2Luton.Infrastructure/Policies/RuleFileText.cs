using System.Text;
using System.Text.Json;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Changes to a rule file made in place in its text, so that everything an officer did not change (order, spacing,
/// line breaks, descriptions) stays byte for byte as it was.
/// </summary>
internal static class RuleFileText
{
    /// <summary>For text written into a rule file: it is read by people, not put in a page, so "&gt;=" and "£" stay as typed.</summary>
    public static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Sets the expressions of the named values given, by name. Unknown names and text that is not a rule file
    /// come back as problems and the text unchanged.
    /// </summary>
    public static (string Json, IReadOnlyList<string> Problems) SetNamedValues(string json, IReadOnlyDictionary<string, string> expressions)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(expressions);
        var bytes = Encoding.UTF8.GetBytes(json);
        List<(int Start, int Length, string Name)> found;
        try
        {
            found = ExpressionsOfNamedValues(bytes);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return (json, [$"The rule file cannot be read as JSON, so the values cannot be set in it: {error.Message}"]);
        }
        var problems = expressions.Keys.Where(name => found.TrueForAll(f => f.Name != name)).Select(name => $"There is no named value '{name}' in the file.").ToList();
        if (problems.Count > 0) return (json, problems);

        var text = new StringBuilder(json.Length + 64);
        var at = 0;
        foreach (var (start, length, name) in found.OrderBy(f => f.Start))
        {
            if (!expressions.TryGetValue(name, out var expression)) continue;
            text.Append(Encoding.UTF8.GetString(bytes, at, start - at));
            // Written as System.Text.Json would write the string, escaped where JSON needs it and nowhere else.
            text.Append(JsonSerializer.Serialize(expression.Trim(), Readable));
            at = start + length;
        }
        text.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at));
        return (text.ToString(), []);
    }

    /// <summary>The named values of a rule file's text, in order, with their expressions; null if it cannot be read.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? NamedValues(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            return ExpressionsOfNamedValues(bytes)
                .Select(f => new KeyValuePair<string, string>(f.Name, JsonSerializer.Deserialize<string>(bytes.AsSpan(f.Start, f.Length)) ?? string.Empty))
                .ToList();
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The named values of a draft's text, in order, with what the text says of each (label, description, type,
    /// unit, dated changes); null if it cannot be read. What surrounds the expressions is read leniently, since a
    /// draft being typed may be anything: whatever does not read is left out here and left for the checks to report.
    /// </summary>
    public static IReadOnlyList<Application.Policies.NamedValueView>? NamedValueViews(string json)
    {
        if (NamedValues(json) is not { } values) return null;
        var about = AboutNamedValues(json);
        return values.Select(v => about.TryGetValue(v.Key, out var a)
                ? new Application.Policies.NamedValueView(v.Key, v.Value, a.Description, a.Changes, a.Label, a.Type, a.Unit)
                : new Application.Policies.NamedValueView(v.Key, v.Value, null, []))
            .ToList();
    }

    /// <summary>The dated changes of the named values in a draft's text, by name, for those that have any.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Application.Policies.DatedExpression>> NamedValueChanges(string json) =>
        AboutNamedValues(json).Where(a => a.Value.Changes.Count > 0).ToDictionary(a => a.Key, a => a.Value.Changes, StringComparer.Ordinal);

    private sealed record About(string? Label, string? Description, string? Type, string? Unit, IReadOnlyList<Application.Policies.DatedExpression> Changes);

    private static Dictionary<string, About> AboutNamedValues(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var about = new Dictionary<string, About>(StringComparer.Ordinal);
        static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
            node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 })?["GlobalParams"] is not System.Text.Json.Nodes.JsonArray values) return about;
            foreach (var value in values.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                if (Text(value["Name"]) is not { } named || about.ContainsKey(named)) continue;
                var changes = (value["Changes"] as System.Text.Json.Nodes.JsonArray)?.OfType<System.Text.Json.Nodes.JsonObject>()
                    .Select(c => (From: Text(c["From"]) is { } text
                            && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : (DateOnly?)null,
                        Expression: Text(c["Expression"])))
                    .Where(c => c.From is not null && c.Expression is not null)
                    .Select(c => new Application.Policies.DatedExpression(c.From!.Value, c.Expression!))
                    .ToList() ?? [];
                about[named] = new About(Text(value["Label"]), Text(value["Description"]), Text(value["Type"]), Text(value["Unit"]), changes);
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentException)
        {
            // A key written twice (ArgumentException from the node) or text that is not JSON: the checks say which.
            return about;
        }
        return about;
    }

    // Where each GlobalParams entry's Expression string sits in the bytes, quotes included, with its Name.
    private static List<(int Start, int Length, string Name)> ExpressionsOfNamedValues(byte[] bytes)
    {
        var found = new List<(int, int, string)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        var depth = 0;
        var inGlobalParams = false;
        string? property = null;
        string? name = null;
        (int Start, int Length)? expression = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    depth++;
                    if (depth == 2 && reader.TokenType == JsonTokenType.StartArray) inGlobalParams = property == "GlobalParams";
                    if (depth == 3 && inGlobalParams) (name, expression) = (null, null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (depth == 3 && inGlobalParams && name is not null && expression is { } value) found.Add((value.Start, value.Length, name));
                    if (depth == 2) inGlobalParams = false;
                    depth--;
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String when depth == 3 && inGlobalParams:
                    if (property == "Name") name = reader.GetString();
                    else if (property == "Expression") expression = ((int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex));
                    break;
            }
        }
        return found;
    }
}
