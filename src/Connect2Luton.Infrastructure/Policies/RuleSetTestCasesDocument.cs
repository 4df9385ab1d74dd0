using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// A rule set's test cases (rules/tests/NAME.cases.json): facts every case starts from, then each case's
/// changes to them and what the rules must decide. They run in the test suite and before every save.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class RuleSetTestCasesDocument
{
    [JsonRequired]
    public JsonObject Defaults { get; init; } = [];

    [JsonRequired]
    public List<RuleSetTestCase> Cases { get; init; } = [];
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class RuleSetTestCase
{
    [JsonRequired]
    public string Name { get; init; } = string.Empty;

    public JsonObject Facts { get; init; } = [];

    /// <summary>The named value the case sits just under, at or just over, and the fact that puts it there.</summary>
    public CaseBoundary? Against { get; init; }

    [JsonRequired]
    public ExpectedDecision Expect { get; init; } = new();
}

/// <summary>
/// A boundary case: its <see cref="Fact"/> is set so that the rules holding it to <see cref="Value"/> just pass
/// (At), pass by one step less (JustUnder) or fail by one step more (JustOver). When the value changes, the app
/// moves the fact, and what follows from it, to the new boundary.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class CaseBoundary
{
    public const string JustUnder = "JustUnder";
    public const string At = "At";
    public const string JustOver = "JustOver";

    [JsonRequired]
    public string Value { get; init; } = string.Empty;

    [JsonRequired]
    public string Fact { get; init; } = string.Empty;

    [JsonRequired]
    public string Side { get; init; } = string.Empty;
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ExpectedDecision
{
    [JsonRequired]
    public string Outcome { get; init; } = string.Empty;

    /// <summary>When given, exactly these rules fail (in any order).</summary>
    public List<string>? Failed { get; init; }

    /// <summary>Preference rules: the points the worker earns.</summary>
    public int? Points { get; init; }

    /// <summary>Placement-length rules: exactly these flags are raised (in any order).</summary>
    public List<string>? Flags { get; init; }
}
