using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Application.RuleSets.Values;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Test cases that follow a change of values. A case written against a value (just under, at or just over it) is
/// moved to the draft's boundary: the app searches its fact, in pence or whole steps, for the highest setting at
/// which every rule that uses the value passes, working out what follows from it (a pay rate's on-costs). Then each
/// case the draft decides otherwise than it expects is listed, and its expectation can be set to the draft's.
/// </summary>
internal static class CaseBoundaries
{
    // The widest a search runs: no fact a boundary is written against (a pay rate, a count of weeks) comes near.
    private const decimal MostMoney = 10_000_000m;
    private const int MostCount = 100_000;

    public static CaseReview Review(CompiledRuleSet draft, string testCasesJson, bool moveBoundaries)
    {
        var problems = new List<RuleSetProblem>();
        var cases = RuleSetTestCases.Read(draft.Definition, testCasesJson, problems);
        if (problems.Count > 0) return CaseReview.None;
        var moved = new List<MovedCase>();
        var json = testCasesJson;
        if (moveBoundaries)
        {
            var (newFacts, movedCases) = Moves(draft, testCasesJson, cases);
            if (newFacts.Count > 0)
            {
                json = TestCaseText.WithFacts(testCasesJson, newFacts);
                moved = movedCases;
                cases = RuleSetTestCases.Read(draft.Definition, json, problems);
                if (problems.Count > 0) return new CaseReview(json, moved, []);
            }
        }
        var changed = cases
            .Select(c => (Case: c, Decision: RuleSetEvaluator.Evaluate(draft, c.Facts)))
            .Where(c => TestCaseCheck.Differences(c.Case.Expect, c.Decision).Any())
            .Select(c => new ChangedCase(c.Case.Name, Expected(c.Case.Expect), Decided(c.Case.Expect, c.Decision)))
            .ToList();
        return new CaseReview(json, moved, changed);
    }

    // What a case expects and what the draft decides, each with the points and flags the case pins, so a change of
    // points or flags shows even where the outcome is the same.
    private static string Expected(ExpectedDecision expect) =>
        Said(CodeWords.Outcome(expect.Outcome), expect.Points, expect.Flags);

    private static string Decided(ExpectedDecision expect, Evaluation result) =>
        Said(CodeWords.Outcome(result.Decision.Outcome), expect.Points is null ? null : result.Points,
            expect.Flags is null ? null : [.. result.Decision.Failed.Where(r => r.Flag is not null).Select(r => r.Flag!)]);

    private static string Said(string outcome, int? points, List<string>? flags) =>
        outcome + (points is { } p ? $", {p:N0} point{(p == 1 ? "" : "s")}" : "")
        + (flags is null ? "" : flags.Count == 0 ? ", no flags" : $", flagged {string.Join(", ", flags.Order(StringComparer.Ordinal).Select(f => CodeWords.Of(f).ToLowerInvariant()))}");

    /// <summary>The cases with the expectation of each the draft decides otherwise set to what it decides, and how many.</summary>
    public static (string Json, int Accepted, IReadOnlyList<RuleSetProblem> Problems) Accept(CompiledRuleSet draft, string testCasesJson)
    {
        var problems = new List<RuleSetProblem>();
        var cases = RuleSetTestCases.Read(draft.Definition, testCasesJson, problems);
        if (problems.Count > 0) return (testCasesJson, 0, problems);
        var expectations = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var testCase in cases.DistinctBy(c => c.Name))
        {
            var result = RuleSetEvaluator.Evaluate(draft, testCase.Facts);
            if (!TestCaseCheck.Differences(testCase.Expect, result).Any()) continue;
            var decision = result.Decision;
            var expect = new JsonObject { ["Outcome"] = decision.Outcome };
            // Each part the case pinned is pinned again, to what the draft decides; parts it left open stay open.
            if (testCase.Expect.Failed is not null) expect["Failed"] = new JsonArray([.. decision.Failed.Select(r => (JsonNode)JsonValue.Create(r.Rule))]);
            if (testCase.Expect.Points is not null) expect["Points"] = result.Points;
            if (testCase.Expect.Flags is not null) expect["Flags"] = new JsonArray([.. decision.Failed.Where(r => r.Flag is not null).Select(r => (JsonNode)JsonValue.Create(r.Flag!))]);
            expectations[testCase.Name] = expect;
        }
        return (TestCaseText.WithExpectations(testCasesJson, expectations), expectations.Count, []);
    }

    private static (Dictionary<string, JsonObject> Facts, List<MovedCase> Moved) Moves(CompiledRuleSet draft, string testCasesJson, List<CompiledTestCase> cases)
    {
        var facts = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var moved = new List<MovedCase>();
        var written = JsonNode.Parse(testCasesJson)!["Cases"]!.AsArray().OfType<JsonObject>()
            .GroupBy(c => (string?)c["Name"] ?? string.Empty).ToDictionary(g => g.Key, g => g.First());
        foreach (var testCase in cases.Where(c => c.Against is not null).DistinctBy(c => c.Name))
        {
            if (Boundary(draft, testCase) is not { } moves) continue;
            var before = JsonSerializer.SerializeToNode(testCase.Facts, testCase.Facts.GetType(), RuleSetCompiler.StrictJson)!.AsObject();
            var after = JsonSerializer.SerializeToNode(moves, moves.GetType(), RuleSetCompiler.StrictJson)!.AsObject();
            var changedKeys = after.Where(p => !JsonNode.DeepEquals(p.Value, before[p.Key])).Select(p => p.Key).ToList();
            if (changedKeys.Count == 0) continue;
            var caseFacts = written.TryGetValue(testCase.Name, out var node) && node["Facts"] is JsonObject own ? (JsonObject)own.DeepClone() : [];
            foreach (var key in changedKeys) caseFacts[key] = after[key]!.DeepClone();
            facts[testCase.Name] = caseFacts;
            var fact = testCase.Against!.Fact;
            moved.Add(new MovedCase(testCase.Name, ValueKind.Lower(CodeWords.Of(fact)), Said(before[fact]), Said(after[fact])));
        }
        return (facts, moved);
    }

    /// <summary>
    /// What is wrong with a case written against a value: a value officers do not set as a number, a fact that is
    /// not a number, a side that is not one of the three, no boundary the rules give, or facts that are not at it.
    /// Null for a case that sits on its boundary.
    /// </summary>
    public static string? Problem(CompiledRuleSet ruleSet, CompiledTestCase testCase)
    {
        var against = testCase.Against!;
        var value = ruleSet.Document.GlobalParams.FirstOrDefault(v => v.Name == against.Value);
        if (value is null) return $"It is written against '{against.Value}', which is not a value of these rules.";
        if (value.Type is not ("Money" or "Percentage" or "WholeNumber"))
            return $"It is written against '{against.Value}', which is not an amount, percentage or count an officer sets: a boundary case needs one.";
        if (NumberFact(ruleSet, against.Fact) is null) return $"'{against.Fact}' is not a fact of these rules that is a number: a boundary case moves a number.";
        if (against.Side is not (CaseBoundary.JustUnder or CaseBoundary.At or CaseBoundary.JustOver))
            return $"Its Side is '{against.Side}': write JustUnder, At or JustOver.";
        if (Boundary(ruleSet, testCase) is not { } at) return $"The rules give no boundary for {CodeWords.Of(against.Fact).ToLowerInvariant()} against '{against.Value}': no rule that uses the value passes below some amount and fails above it.";
        var facts = JsonSerializer.SerializeToNode(testCase.Facts, testCase.Facts.GetType(), RuleSetCompiler.StrictJson)!.AsObject();
        var boundary = JsonSerializer.SerializeToNode(at, at.GetType(), RuleSetCompiler.StrictJson)!.AsObject();
        var off = boundary.Where(p => !JsonNode.DeepEquals(p.Value, facts[p.Key])).Select(p => $"{CodeWords.Of(p.Key).ToLowerInvariant()} {Said(facts[p.Key])}, where it would be {Said(p.Value)}").ToList();
        return off.Count == 0 ? null
            : $"It is written against '{against.Value}' ({SideWords(against.Side)}), but it is not there: {string.Join("; ", off)}. Check or apply the draft in the workspace and the case moves there.";
    }

    private static string SideWords(string side) => side switch
    {
        CaseBoundary.JustUnder => "just under it",
        CaseBoundary.At => "at it",
        _ => "just over it",
    };

    private static Type? NumberFact(CompiledRuleSet ruleSet, string fact)
    {
        var property = ruleSet.Definition.FactType.GetProperty(fact);
        var kind = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return kind == typeof(decimal) || kind == typeof(int) ? kind : null;
    }

    /// <summary>The case's facts at its boundary under the draft; null where it has none (the value is not found, or nothing moves it).</summary>
    private static object? Boundary(CompiledRuleSet draft, CompiledTestCase testCase)
    {
        var against = testCase.Against!;
        if (NumberFact(draft, against.Fact) is not { } kind) return null;
        var rules = RulesUsing(draft.Document, against.Value);
        if (rules.Count == 0) return null;
        var inForce = draft.InForceFor(testCase.Facts);
        var arithmetic = draft.Definition.CaseArithmetic;
        object At(decimal setting) => arithmetic(testCase.Facts, against.Fact, setting, name => inForce.Constants.GetValueOrDefault(name));
        bool Passes(decimal setting) => RuleSetEvaluator.Evaluate(draft, At(setting)).Decision.Rules.All(r => r.Passed || !rules.Contains(r.Rule));

        var step = kind == typeof(decimal) ? 0.01m : 1m;
        // From one step up: a pay of nothing is no booking, and arithmetic may refuse it.
        var (low, high) = (step, kind == typeof(decimal) ? MostMoney : MostCount);
        if (!Passes(low) || Passes(high)) return null;
        // The rules pass up to the boundary and fail past it: halve the distance until the two are one step apart.
        while (high - low > step)
        {
            var middle = Math.Round((low + high) / 2 / step, MidpointRounding.ToZero) * step;
            if (Passes(middle)) low = middle;
            else high = middle;
        }
        return against.Side switch
        {
            CaseBoundary.At => At(low),
            CaseBoundary.JustUnder => At(low - step),
            CaseBoundary.JustOver => At(high),
            _ => null,
        };
    }

    /// <summary>The rules whose check uses the value, directly or through the values worked out from it.</summary>
    internal static HashSet<string> RulesUsing(RuleSetDocument document, string value)
    {
        var affected = new HashSet<string>(StringComparer.Ordinal) { value };
        foreach (var named in document.GlobalParams)
        {
            if (Names(named.Expression).Overlaps(affected) || named.Changes.Any(c => c is not null && Names(c.Expression).Overlaps(affected))) affected.Add(named.Name);
        }
        return document.Rules.Where(r => r.Enabled && Names(r.Expression).Overlaps(affected)).Select(r => r.RuleName).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> Names(string expression) =>
        NamedValueInlining.Names(expression).Select(n => expression[n.Start..n.End]).ToHashSet(StringComparer.Ordinal);

    private static string Said(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<decimal>(out var amount) && value.GetValueKind() == JsonValueKind.Number
            => amount == decimal.Truncate(amount) && !node.ToJsonString().Contains('.', StringComparison.Ordinal)
                ? amount.ToString("0", CultureInfo.InvariantCulture)
                : amount.ToString("#,##0.00", CultureInfo.GetCultureInfo("en-GB")),
        null => "nothing",
        _ => node.ToJsonString(),
    };
}
