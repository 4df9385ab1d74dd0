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
    /// Sets the expressions of the named values given, by name: the value as first written, or, with
    /// <paramref name="inForceOn"/>, whichever of its dated changes is in force that day. Unknown names and text that
    /// is not a rule file come back as problems and the text unchanged.
    /// </summary>
    public static (string Json, IReadOnlyList<string> Problems) SetNamedValues(string json, IReadOnlyDictionary<string, string> expressions, DateOnly? inForceOn = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(expressions);
        var bytes = Encoding.UTF8.GetBytes(json);
        var (found, unreadable) = Read(bytes, "the values cannot be set in it");
        if (found is null) return (json, [unreadable!]);
        var problems = expressions.Keys.Where(name => found.TrueForAll(f => f.Name != name)).Select(name => $"There is no named value '{name}' in the file.").ToList();
        if (problems.Count > 0) return (json, problems);

        var edits = new List<(int Start, int End, string Text)>();
        foreach (var value in found.DistinctBy(f => f.Name))
        {
            if (!expressions.TryGetValue(value.Name, out var expression)) continue;
            // The period in force: the last change from on or before the day, else the value as first written.
            var period = inForceOn is { } day ? value.Changes.LastOrDefault(c => c.From <= day) : null;
            var (start, length) = period?.Expression ?? value.Expression;
            // Written as System.Text.Json would write the string, escaped where JSON needs it and nowhere else.
            edits.Add((start, start + length, JsonSerializer.Serialize(expression.Trim(), Readable)));
        }
        return (Edit(bytes, edits), []);
    }

    /// <summary>
    /// A named value changing to <paramref name="expression"/> from <paramref name="from"/>: added to its dated
    /// changes in date order, or replacing the change already on that day. Only that value's list of changes is
    /// written anew; the rest of the text stays as it was.
    /// </summary>
    public static (string Json, IReadOnlyList<string> Problems) ScheduleChange(string json, string name, DateOnly from, string expression)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var (found, unreadable) = Read(bytes, "the change cannot be set in it");
        if (found is null) return (json, [unreadable!]);
        if (found.Find(f => f.Name == name) is not { } value) return (json, [$"There is no named value '{name}' in the file."]);
        if (value.Changes.Exists(c => c.From is null)) return (json, ["A change of this value has no readable From date: put it right in the text first."]);
        var changes = value.Changes
            .Select(c => (From: c.From!.Value, Expression: JsonSerializer.Deserialize<string>(bytes.AsSpan(c.Expression.Start, c.Expression.Length)) ?? string.Empty))
            .Where(c => c.From != from)
            .Append((From: from, Expression: expression.Trim()))
            .OrderBy(c => c.From)
            .Select(c => $"{{ \"From\": \"{c.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}\", \"Expression\": {JsonSerializer.Serialize(c.Expression, Readable)} }}");
        var list = $"[ {string.Join(", ", changes)} ]";
        // A value with no changes yet gets its list after its last part, before the spaces that close it.
        var end = value.ObjectEnd;
        while (end > 0 && bytes[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') end--;
        var edit = value.ChangesArray is { } array ? (array.Start, array.End, list) : (end, end, $", \"Changes\": {list}");
        return (Edit(bytes, [edit]), []);
    }

    // The named values' places in the text, or why the text cannot be read as a rule file.
    private static (List<ValueSpans>? Found, string? Problem) Read(byte[] bytes, string consequence)
    {
        try
        {
            return (SpansOfNamedValues(bytes), null);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return (null, $"The rule file cannot be read as JSON, so {consequence}: {error.Message}");
        }
    }

    private static string Edit(byte[] bytes, List<(int Start, int End, string Text)> edits)
    {
        var text = new StringBuilder(bytes.Length + 64);
        var at = 0;
        foreach (var (start, end, replacement) in edits.OrderBy(e => e.Start))
        {
            text.Append(Encoding.UTF8.GetString(bytes, at, start - at)).Append(replacement);
            at = end;
        }
        text.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at));
        return text.ToString();
    }

    /// <summary>The named values of a rule file's text, in order, with their expressions; null if it cannot be read.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? NamedValues(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            return SpansOfNamedValues(bytes)
                .Select(f => new KeyValuePair<string, string>(f.Name, JsonSerializer.Deserialize<string>(bytes.AsSpan(f.Expression.Start, f.Expression.Length)) ?? string.Empty))
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

    /// <summary>Where a GlobalParams entry's parts sit in the bytes: its Expression (quotes included), its closing brace, its Changes.</summary>
    private sealed record ValueSpans(string Name, (int Start, int Length) Expression, int ObjectEnd, (int Start, int End)? ChangesArray, List<ChangeSpans> Changes);

    private sealed record ChangeSpans(DateOnly? From, (int Start, int Length) Expression);

    private static List<ValueSpans> SpansOfNamedValues(byte[] bytes)
    {
        var found = new List<ValueSpans>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        var depth = 0;
        var inGlobalParams = false;
        string? property = null;
        string? name = null;
        (int Start, int Length)? expression = null;
        int? changesStart = null;
        (int, int)? changesArray = null;
        var changes = new List<ChangeSpans>();
        DateOnly? changeFrom = null;
        (int Start, int Length)? changeExpression = null;
        while (reader.Read())
        {
            var inValue = inGlobalParams && depth >= 3;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    depth++;
                    if (depth == 2 && reader.TokenType == JsonTokenType.StartArray) inGlobalParams = property == "GlobalParams";
                    if (depth == 3 && inGlobalParams) (name, expression, changesStart, changesArray, changes, changeFrom) = (null, null, null, null, [], null);
                    if (depth == 4 && inGlobalParams && reader.TokenType == JsonTokenType.StartArray && property == "Changes") changesStart = (int)reader.TokenStartIndex;
                    if (depth == 5 && inGlobalParams && changesStart is not null) (changeFrom, changeExpression) = (null, null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (depth == 5 && inGlobalParams && changesStart is not null && changeExpression is { } dated) changes.Add(new ChangeSpans(changeFrom, dated));
                    if (depth == 4 && inGlobalParams && changesStart is { } start && reader.TokenType == JsonTokenType.EndArray)
                    {
                        changesArray = (start, (int)reader.BytesConsumed);
                        changesStart = null;
                    }
                    if (depth == 3 && inGlobalParams && name is not null && expression is { } value)
                        found.Add(new ValueSpans(name, value, (int)reader.TokenStartIndex, changesArray, changes));
                    if (depth == 2) inGlobalParams = false;
                    depth--;
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String when depth == 3 && inValue:
                    if (property == "Name") name = reader.GetString();
                    else if (property == "Expression") expression = ((int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex));
                    break;
                case JsonTokenType.String when depth == 5 && inValue && changesStart is not null:
                    if (property == "From")
                        changeFrom = DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
                    else if (property == "Expression") changeExpression = ((int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex));
                    break;
            }
        }
        return found;
    }
}
