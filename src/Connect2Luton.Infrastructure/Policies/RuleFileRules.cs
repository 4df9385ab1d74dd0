using System.Text;
using System.Text.Json;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// A rule file's rules read and changed in place in its text, for the rule forms: a rule's expression, messages,
/// description and on/off set where they are, a rule taken out with its separator, a new rule written after the
/// last in the file's own layout. Everything an officer did not change stays byte for byte as it was.
/// </summary>
internal static class RuleFileRules
{
    private const string RuleName = "RuleName";
    private const string Expression = "Expression";
    private const string ErrorMessage = "ErrorMessage";
    private const string SuccessEvent = "SuccessEvent";
    private const string Enabled = "Enabled";
    private const string Properties = "Properties";
    private const string Description = "Description";

    /// <summary>The rules in order as their fields show them; null for text that is not a readable rule file.</summary>
    public static IReadOnlyList<RuleText>? Of(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            return Scan(bytes) is { } rules ? rules.Elements.Select(r => Read(bytes, r)).OfType<RuleText>().ToList() : null;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // A string the reader cannot turn into text (a lone \ud800 escape): not a readable rule file.
            return null;
        }
    }

    public static (string Json, IReadOnlyList<string> Problems) Change(string json, RuleChanges changes)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(changes);
        try
        {
            return ChangeReadable(json, changes);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return (json, [Unreadable]);
        }
    }

    private const string Unreadable = "The rule file cannot be read as JSON, so its rules cannot be changed through their fields: put the text right first.";

    private static (string Json, IReadOnlyList<string> Problems) ChangeReadable(string json, RuleChanges changes)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (Scan(bytes) is not { } rules) return (json, [Unreadable]);

        var byName = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var rule in rules.Elements)
        {
            if (StringOf(bytes, rule.Member(RuleName)) is { } name) byName.TryAdd(name, rule);
        }
        var problems = changes.Changed.Select(c => c.Name).Concat(changes.Removed).Distinct(StringComparer.Ordinal)
            .Where(name => !byName.ContainsKey(name)).Select(name => $"There is no rule '{name}' in the draft.").ToList();
        if (changes.Added is { } added && byName.ContainsKey(added.Name)) problems.Add($"There is already a rule named '{added.Name}'.");
        if (problems.Count > 0) return (json, problems);

        var edits = new Edits(bytes);
        var removed = changes.Removed.ToHashSet(StringComparer.Ordinal);
        foreach (var change in changes.Changed.Where(c => !removed.Contains(c.Name))) SetRule(edits, byName[change.Name], change);
        edits.Remove(rules, removed.Select(name => byName[name]).ToHashSet());
        if (changes.Added is { } newRule) AddRule(edits, rules, newRule, json.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
        return (edits.Apply(), []);
    }

    private static void SetRule(Edits edits, Node rule, RuleText change)
    {
        edits.SetString(rule, Expression, change.Expression);
        edits.SetString(rule, ErrorMessage, change.ErrorMessage);
        edits.SetOptionalString(rule, SuccessEvent, change.SuccessEvent);
        var enabled = rule.Member(Enabled);
        if (enabled is not null) edits.Replace(enabled, change.Enabled ? "true" : "false", unlessItIs: change.Enabled ? "true" : "false");
        else if (!change.Enabled) edits.Insert(rule, Enabled, "false");
        if (rule.Member(Properties) is { Value: { } properties }) edits.SetOptionalString(properties, Description, change.Description);
        else if (!string.IsNullOrWhiteSpace(change.Description))
            edits.Insert(rule, Properties, $"{{ \"{Description}\": {Text(change.Description)} }}");
    }

    private static void AddRule(Edits edits, Node rules, NewRule rule, string newLine)
    {
        // Laid out as the rule before it is: on its own lines, indented as it is, with its members indented further.
        var separator = rules.Elements.Count switch
        {
            >= 2 => edits.Between(rules.Elements[^2].End, rules.Elements[^1].Start),
            1 => "," + edits.Between(rules.Start + 1, rules.Elements[0].Start),
            _ => newLine + "    ",
        };
        var indent = separator.Contains('\n', StringComparison.Ordinal) ? separator[(separator.LastIndexOf('\n') + 1)..] : null;
        var properties = new List<string>();
        if (!string.IsNullOrWhiteSpace(rule.Description)) properties.Add($"\"{Description}\": {Text(rule.Description)}");
        if (!string.IsNullOrWhiteSpace(rule.Outcome)) properties.Add($"\"Outcome\": {Text(rule.Outcome)}");
        if (!string.IsNullOrWhiteSpace(rule.Approvers)) properties.Add($"\"Approvers\": {Text(rule.Approvers)}");
        var members = new List<string> { $"\"{RuleName}\": {Text(rule.Name)}", $"\"{Expression}\": {Text(rule.Expression)}" };
        if (!string.IsNullOrWhiteSpace(rule.SuccessEvent)) members.Add($"\"{SuccessEvent}\": {Text(rule.SuccessEvent)}");
        members.Add($"\"{ErrorMessage}\": {Text(rule.ErrorMessage)}");
        if (properties.Count > 0) members.Add($"\"{Properties}\": {{ {string.Join(", ", properties)} }}");
        var text = indent is null
            ? $"{{ {string.Join(", ", members)} }}"
            : $"{{{newLine}{indent}  {string.Join($",{newLine}{indent}  ", members)}{newLine}{indent}}}";
        var at = rules.Elements.Count == 0 ? rules.Start + 1 : rules.Elements[^1].End;
        edits.Add(at, at, (rules.Elements.Count == 0 ? separator.TrimStart(',') : separator) + text);
    }

    private static RuleText? Read(byte[] bytes, Node rule)
    {
        if (StringOf(bytes, rule.Member(RuleName)) is not { } name) return null;
        var enabled = rule.Member(Enabled) is not { } flag || Encoding.UTF8.GetString(bytes, flag.ValueStart, flag.End - flag.ValueStart) != "false";
        return new RuleText(name, StringOf(bytes, rule.Member(Expression)) ?? string.Empty, StringOf(bytes, rule.Member(ErrorMessage)) ?? string.Empty,
            StringOf(bytes, rule.Member(SuccessEvent)), StringOf(bytes, rule.Member(Properties)?.Value?.Member(Description)), enabled);
    }

    private static string? StringOf(byte[] bytes, Member? member) =>
        member is { Value: null } && bytes[member.ValueStart] == (byte)'"'
            ? JsonSerializer.Deserialize<string>(bytes.AsSpan(member.ValueStart, member.End - member.ValueStart))
            : null;

    // Written as System.Text.Json writes a string, escaped where JSON needs it and nowhere else.
    private static string Text(string value) => JsonSerializer.Serialize(value.Trim(), RuleFileText.Readable);

    /// <summary>The Rules array with its rule objects; null if the text is not JSON or has no Rules array.</summary>
    private static Node? Scan(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            Node? rules = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRules = reader.ValueTextEquals("Rules"u8);
                reader.Read();
                if (isRules && rules is null && reader.TokenType == JsonTokenType.StartArray) rules = ReadArray(ref reader);
                else reader.Skip();
            }
            return rules;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Node ReadArray(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        var elements = new List<Node>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) elements.Add(ReadObject(ref reader));
            else reader.Skip();
        }
        return new Node(start, (int)reader.BytesConsumed, [], elements);
    }

    private static Node ReadObject(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        var members = new List<Member>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var nameStart = (int)reader.TokenStartIndex;
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            Node? inner = null;
            if (reader.TokenType == JsonTokenType.StartObject) inner = ReadObject(ref reader);
            else reader.Skip();
            members.Add(new Member(name, nameStart, valueStart, (int)reader.BytesConsumed, inner));
        }
        return new Node(start, (int)reader.BytesConsumed, members, []);
    }

    /// <summary>An object or array in the text: where it starts and ends, and its members or elements.</summary>
    private sealed record Node(int Start, int End, List<Member> Members, List<Node> Elements)
    {
        public Member? Member(string name) => Members.Find(m => m.Name == name);
    }

    /// <summary>A member of an object: where its name starts, where its value starts and ends, and the value if it is an object.</summary>
    private sealed record Member(string Name, int Start, int ValueStart, int End, Node? Value);

    /// <summary>Replacements of spans of the text, made together at the end so each is found in the text as it was read.</summary>
    private sealed class Edits(byte[] bytes)
    {
        private readonly List<(int Start, int End, string Text, int Order)> _edits = [];

        public string Between(int start, int end) => Encoding.UTF8.GetString(bytes, start, end - start);

        public void Add(int start, int end, string text) => _edits.Add((start, end, text, _edits.Count));

        public void Replace(Member member, string text, string? unlessItIs = null)
        {
            if (unlessItIs is not null && Between(member.ValueStart, member.End) == unlessItIs) return;
            Add(member.ValueStart, member.End, text);
        }

        public void SetString(Node owner, string name, string value)
        {
            if (owner.Member(name) is not { } member) Insert(owner, name, Text(value));
            else if (StringOf(bytes, member) != value.Trim()) Replace(member, Text(value));
        }

        public void SetOptionalString(Node owner, string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) SetString(owner, name, value);
            else if (owner.Member(name) is { } member) Remove(owner, member);
        }

        /// <summary>Adds a member after an object's last, with the separator its members already use.</summary>
        public void Insert(Node owner, string name, string value)
        {
            var members = owner.Members;
            if (members.Count == 0)
            {
                Add(owner.Start + 1, owner.Start + 1, $" \"{name}\": {value} ");
                return;
            }
            var separator = members.Count >= 2 ? Between(members[^2].End, members[^1].Start) : ", ";
            Add(members[^1].End, members[^1].End, $"{separator}\"{name}\": {value}");
        }

        public void Remove(Node owner, Member member)
        {
            var members = owner.Members;
            var at = members.IndexOf(member);
            // With the separator before it; the first takes the separator after it instead.
            if (at > 0) Add(members[at - 1].End, member.End, string.Empty);
            else if (members.Count > 1) Add(member.Start, members[1].Start, string.Empty);
            else Add(member.Start, member.End, string.Empty);
        }

        /// <summary>Takes elements out of an array with their separators, so that what is left reads as if written that way.</summary>
        public void Remove(Node array, IReadOnlySet<Node> removed)
        {
            var elements = array.Elements;
            var keptBefore = false;
            for (var at = 0; at < elements.Count; at++)
            {
                var element = elements[at];
                if (!removed.Contains(element))
                {
                    keptBefore = true;
                    continue;
                }
                // After one that stays, each goes with the separator before it; before any that stays, with the one after it.
                if (keptBefore) Add(elements[at - 1].End, element.End, string.Empty);
                else if (at + 1 < elements.Count) Add(element.Start, elements[at + 1].Start, string.Empty);
                else Add(element.Start, element.End, string.Empty);
            }
        }

        public string Apply()
        {
            var text = new StringBuilder(bytes.Length + 256);
            var at = 0;
            foreach (var (start, end, replacement, _) in _edits.OrderBy(e => e.Start).ThenBy(e => e.Order))
            {
                text.Append(Encoding.UTF8.GetString(bytes, at, start - at));
                text.Append(replacement);
                at = end;
            }
            text.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at));
            return text.ToString();
        }
    }
}
