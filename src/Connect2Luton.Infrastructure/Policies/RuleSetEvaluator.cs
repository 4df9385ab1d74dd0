using Connect2Luton.Application.Policies;
using RulesEngine.Interfaces;
using RulesEngine.Models;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>A decision and, for the preference rules, the points it awarded.</summary>
internal sealed record Evaluation(PolicyDecision Decision, int Points);

/// <summary>
/// Runs a rule set in the engine and reads the answer: which rules applied, passed or failed (a rule that throws
/// counts as failed, so a broken rule refuses rather than allows), the outcome, points and figures.
/// </summary>
internal static class RuleSetEvaluator
{
    private static readonly Dictionary<string, object> NoValues = [];

    public static async ValueTask<Evaluation> EvaluateAsync(IRulesEngine engine, CompiledRuleSet ruleSet, object facts, CancellationToken cancellationToken)
    {
        var results = await engine.ExecuteAllRulesAsync(ruleSet.Name, [new RuleParameter("input", facts)], cancellationToken);
        var definition = ruleSet.Definition;
        var verdicts = new List<RuleVerdict>(results.Count);
        var figures = new Dictionary<string, object?>(StringComparer.Ordinal);
        var worst = -1;
        string? tier = null;
        var points = 0;

        foreach (var result in results)
        {
            var rule = ruleSet.Rules[result.Rule.RuleName];
            // The engine reports with each result the named values it worked out; constants come from the rule set.
            var values = new NamedValues(result.Inputs ?? NoValues, ruleSet.Constants);
            if (rule.AppliesWhen is { } applies && values.GetValueOrDefault(applies) is false) continue;

            var error = string.IsNullOrEmpty(result.ExceptionMessage) ? null : result.ExceptionMessage;
            var passed = result.IsSuccess && error is null;
            var message = error is not null
                ? (Func<string>)(() => $"This rule could not be worked out for these facts, so it counts as failed: {error}")
                : passed ? () => rule.PassMessage.Format(facts, values) : () => rule.FailMessage.Format(facts, values);
            verdicts.Add(new RuleVerdict(rule.Name, passed, rule.Outcome, rule.Flag, rule.Approvers, message)
            {
                Cap = rule.Cap is null ? null : values.GetValueOrDefault(rule.Cap) as decimal?,
                Measured = rule.Measures is null ? null : values.GetValueOrDefault(rule.Measures) as decimal?,
            });
            foreach (var figure in rule.Figures) figures[figure] = values.GetValueOrDefault(figure);

            if (passed)
            {
                tier ??= rule.Tier;
                if (rule.PointsLiteral is { } literal) points += literal;
                else if (rule.PointsValue is { } named) points += Convert.ToInt32(values.GetValueOrDefault(named), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (rule.Outcome is { } outcome)
            {
                worst = Math.Max(worst, IndexOf(definition.FailureOutcomesBySeverity, outcome));
            }
        }

        var decided = definition.AwardsTiers
            ? tier ?? definition.PassingOutcome
            : worst >= 0 ? definition.FailureOutcomesBySeverity[worst] : definition.PassingOutcome;
        var decision = new PolicyDecision
        {
            RuleSet = ruleSet.Name,
            Version = ruleSet.Version,
            Outcome = decided,
            Rules = verdicts,
            Figures = figures,
            Facts = facts,
        };
        return new Evaluation(decision, points);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item) return i;
        }
        return -1;
    }
}

/// <summary>The named values one rule saw: those the engine worked out, then the rule set's constants.</summary>
internal sealed class NamedValues(IDictionary<string, object> worked, IReadOnlyDictionary<string, object?> constants) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => worked.Keys.Concat(constants.Keys);

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    public int Count => worked.Count + constants.Count;

    public bool ContainsKey(string key) => worked.ContainsKey(key) || constants.ContainsKey(key);

    public bool TryGetValue(string key, out object? value)
    {
        if (worked.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }
        return constants.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>What a test case expected and did not get, one line each.</summary>
internal static class TestCaseCheck
{
    public static IEnumerable<string> Differences(ExpectedDecision expect, Evaluation actual)
    {
        var decision = actual.Decision;
        var failed = decision.Failed.Select(r => r.Rule).Order(StringComparer.Ordinal).ToList();
        if (decision.Outcome != expect.Outcome)
            yield return $"expected the outcome {expect.Outcome} but the rules decided {decision.Outcome}{(failed.Count > 0 ? $" (failed: {string.Join(", ", failed)})" : string.Empty)}.";
        if (expect.Failed is { } expectedFailed && !expectedFailed.Order(StringComparer.Ordinal).SequenceEqual(failed))
            yield return $"expected exactly these rules to fail: {Describe(expectedFailed)}; these failed: {Describe(failed)}.";
        if (expect.Points is { } points && points != actual.Points)
            yield return $"expected {points} points but the rules gave {actual.Points}.";
        if (expect.Flags is { } flags)
        {
            var raised = decision.Failed.Where(r => r.Flag is not null).Select(r => r.Flag!).Order(StringComparer.Ordinal).ToList();
            if (!flags.Order(StringComparer.Ordinal).SequenceEqual(raised))
                yield return $"expected the flags {Describe(flags)}; the rules raised {Describe(raised)}.";
        }
    }

    private static string Describe(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal));
}
