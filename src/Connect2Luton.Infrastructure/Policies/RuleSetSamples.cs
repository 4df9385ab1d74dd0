using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>Sample facts as form fields, read into the fact records, and kept as test cases in the cases' text.</summary>
internal sealed class RuleSetSamples(RuleSetModules modules) : IRuleSetSamples
{
    public IReadOnlyList<FactView> FactsOf(string name) => modules.Find(name) is { } definition ? FactDocumentation.Of(definition.FactType) : [];

    public IReadOnlyDictionary<string, string> DefaultSample(string name, string? testCasesJson)
    {
        if (modules.Find(name) is null || testCasesJson is null) return new Dictionary<string, string>();
        try
        {
            var document = JsonSerializer.Deserialize<RuleSetTestCasesDocument>(testCasesJson, RuleSetCompiler.StrictJson);
            return document?.Defaults.ToDictionary(p => p.Key, p => Text(p.Value)) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    public IReadOnlyDictionary<string, string> SampleOf(object facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var node = JsonSerializer.SerializeToNode(facts, facts.GetType(), RuleSetCompiler.StrictJson) as JsonObject
            ?? throw new InvalidOperationException($"{facts.GetType().Name} is not a record of facts.");
        return node.ToDictionary(p => p.Key, p => Text(p.Value), StringComparer.Ordinal);
    }

    public (object? Facts, IReadOnlyDictionary<string, string> Errors) FactsFrom(string name, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (modules.Find(name) is not { } definition) return (null, errors);
        var facts = new JsonObject();
        foreach (var property in definition.FactType.GetProperties().Where(p => p.Name != "EqualityContract"))
        {
            var text = fields.GetValueOrDefault(property.Name)?.Trim() ?? string.Empty;
            if (Node(property, text) is var (node, problem) && problem is not null) errors[property.Name] = problem;
            else facts[property.Name] = node;
        }
        if (errors.Count > 0) return (null, errors);
        try
        {
            return (facts.Deserialize(definition.FactType, RuleSetCompiler.StrictJson), errors);
        }
        catch (JsonException error)
        {
            errors[string.Empty] = RuleSetCompiler.Explain(error);
            return (null, errors);
        }
    }

    public (string? TestCasesJson, string? Problem) WithTestCase(string name, string testCasesJson, string caseName, IReadOnlyDictionary<string, string?> fields, string outcome)
    {
        ArgumentNullException.ThrowIfNull(testCasesJson);
        if (modules.Find(name) is not { } definition) return (null, "There is no rule set of that name.");
        RuleSetTestCasesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RuleSetTestCasesDocument>(testCasesJson, RuleSetCompiler.StrictJson);
        }
        catch (JsonException error)
        {
            return (null, $"The test cases cannot be read, so the sample cannot be added to them: {RuleSetCompiler.Explain(error)}");
        }
        if (document is null) return (null, "The test cases file is empty.");
        if (document.Cases.Exists(c => c is null)) return (null, "A test case in the file is empty (null): take it out, then add the sample.");
        if (document.Cases.Exists(c => string.Equals(c.Name, caseName, StringComparison.OrdinalIgnoreCase)))
            return (null, $"There is already a test case called '{caseName}'.");

        var changes = new JsonObject();
        foreach (var property in definition.FactType.GetProperties().Where(p => p.Name != "EqualityContract"))
        {
            var (node, problem) = Node(property, fields.GetValueOrDefault(property.Name)?.Trim() ?? string.Empty);
            if (problem is not null) return (null, problem);
            if (!JsonNode.DeepEquals(node, document.Defaults[property.Name])) changes[property.Name] = node;
        }
        // One line, spaced as the shipped cases are: { "Name": ..., "Facts": { ... }, "Expect": { "Outcome": ... } }
        string Json(JsonNode? node) => node?.ToJsonString(RuleFileText.Readable) ?? "null";
        var facts = changes.Count == 0 ? "{}" : $"{{ {string.Join(", ", changes.Select(c => $"{Json(JsonValue.Create(c.Key))}: {Json(c.Value)}"))} }}";
        var added = $"{{ \"Name\": {Json(JsonValue.Create(caseName))}, \"Facts\": {facts}, \"Expect\": {{ \"Outcome\": {Json(JsonValue.Create(outcome))} }} }}";

        // In place: after the last case, one line like the others, so the rest of the file is as it was.
        var end = EndOfCases(testCasesJson);
        if (end < 0) return (null, "The test cases' list of cases could not be found in the text.");
        var before = testCasesJson[..end].TrimEnd();
        var separator = before.EndsWith('[') ? string.Empty : ",";
        var newLine = testCasesJson.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return ($"{before}{separator}{newLine}    {added}{newLine}  {testCasesJson[end..]}", null);
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "yes" : "no",
        _ => node.ToJsonString(),
    };

    // A coded fact takes one of its choices: the rules would decide any other text as none of them, silently. What
    // does not fit is said as a sentence naming the fact in words.
    private static (JsonNode? Node, string? Problem) Node(PropertyInfo property, string text)
    {
        var called = Application.RuleSets.Values.CodeWords.Of(property.Name);
        if (property.GetCustomAttribute<CodedAsAttribute>() is { } coded && !coded.Allows(text)) return (null, $"{called} must be {coded.Listed}");
        var (node, problem) = Node(property.PropertyType, text);
        return problem switch
        {
            null => (node, null),
            YesOrNo => (null, AskYesOrNo(property, called)),
            _ => (null, $"{called} {problem}"),
        };
    }

    private const string YesOrNo = "must be yes or no";

    // A yes/no fact is asked as the question it answers: "Say whether the agency has confirmed it works to the DfE
    // agency rules …: yes or no", from its description; a fact with none is named.
    private static string AskYesOrNo(PropertyInfo property, string called)
    {
        var described = property.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(described)) return $"{called}: say yes or no";
        var first = described.Split(' ')[0];
        var clause = first.Length > 1 && first.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? described : char.ToLowerInvariant(described[0]) + described[1..];
        return $"Say whether {clause}: yes or no";
    }

    // A field's text as the fact's JSON, or why it does not fit.
    private static (JsonNode? Node, string? Problem) Node(Type type, string text)
    {
        // A fact that may be empty (a check never made) is left empty by leaving its field blank.
        if (Nullable.GetUnderlyingType(type) is { } inner) return string.IsNullOrWhiteSpace(text) ? (null, null) : Node(inner, text);
        if (type == typeof(string)) return (JsonValue.Create(text), text.Length > RuleSetCompiler.MaximumTextLength ? $"must be {RuleSetCompiler.MaximumTextLength:N0} characters or fewer" : null);
        if (type == typeof(bool))
            return text.ToUpperInvariant() switch
            {
                "TRUE" or "YES" => (JsonValue.Create(true), null),
                "FALSE" or "NO" => (JsonValue.Create(false), null),
                _ => (null, YesOrNo),
            };
        if (type == typeof(int))
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? (JsonValue.Create(whole), null) : (null, "must be a whole number, like 12");
        if (type == typeof(decimal))
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount is > -1_000_000_000m and < 1_000_000_000m
                ? (JsonValue.Create(amount), null) : (null, "must be a number, like 34.50");
        if (type == typeof(DateOnly))
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null) : (null, "must be a date written like 2026-11-23");
        return (null, "cannot be filled in here");
    }

    private static int EndOfCases(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        string? property = null;
        var depth = 0;
        var inCases = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when depth == 1:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartArray:
                case JsonTokenType.StartObject:
                    depth++;
                    if (depth == 2 && reader.TokenType == JsonTokenType.StartArray) inCases = property == "Cases";
                    break;
                case JsonTokenType.EndArray when depth == 2 && inCases:
                    return Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.TokenStartIndex);
                case JsonTokenType.EndArray:
                case JsonTokenType.EndObject:
                    depth--;
                    break;
            }
        }
        return -1;
    }
}
