using System.Collections.Frozen;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets.Values;
using RulesEngine.Interfaces;
using RulesEngine.Models;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>A decision and, for the preference rules, the points it awarded.</summary>
internal sealed record Evaluation(PolicyDecision Decision, int Points)
{
    /// <summary>The rules that could not be worked out for the facts (they threw, their points or whether they apply could not be had), with why.</summary>
    public IReadOnlyList<(string Rule, string Why)> Unworkable { get; init; } = [];
}

/// <summary>
/// Works a decision out from a rule set: which rules applied, passed or failed (a rule that throws counts as
/// failed, so a broken rule refuses rather than allows), the outcome, points and figures. Decisions run the rules'
/// compiled checks; the test cases at each load also run through the RulesEngine workflow, and must agree.
/// </summary>
internal static class RuleSetEvaluator
{
    public static Evaluation Evaluate(CompiledRuleSet ruleSet, object facts)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Decide(ruleSet.InForceFor(facts), facts, lean: false).Finish();
    }

    /// <summary>
    /// What a decision comes to, without its verdicts, messages or figures: its outcome, and which of the rules that
    /// raise a flag failed (by their place in the set, or by flag name in a set of more than 64 rules). The look-ahead
    /// decides up to a fortnight ahead for every placement of a night and compares only this.
    /// </summary>
    public static Settlement Settle(CompiledRuleSet ruleSet, object facts)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ruleSet = ruleSet.InForceFor(facts);
        if (ruleSet.InOrder.Count > 64)
        {
            var full = Evaluate(ruleSet, facts).Decision;
            return new Settlement(full.Outcome, 0, string.Join(", ", full.Failed.Select(r => r.Flag).OfType<string>().Order(StringComparer.Ordinal)));
        }
        return Decide(ruleSet, facts, lean: true).Settle();
    }

    /// <summary>Each rule of the set in force checked against the facts, in order.</summary>
    private static DecisionInProgress Decide(CompiledRuleSet inForce, object facts, bool lean)
    {
        var decision = new DecisionInProgress(inForce, facts, lean);
        for (var i = 0; i < inForce.InOrder.Count; i++)
        {
            var rule = inForce.InOrder[i];
            decision.Add(rule, Check(rule, facts, out var error), error, i);
        }
        return decision;
    }

    private static bool Check(CompiledRule rule, object facts, out string? error)
    {
        error = null;
        try
        {
            return rule.Check(facts);
        }
#pragma warning disable CA1031 // As in the engine: an officer's rule may fail on some facts (a value missing), and then it counts as failed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = RuleFailureWords.Of(exception);
            return false;
        }
    }

    /// <summary>The same decision through RulesEngine's own workflow call, the reference the checks are held to.</summary>
    public static async ValueTask<Evaluation> EvaluateInEngineAsync(ReferenceEngines engines, CompiledRuleSet ruleSet, object facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ruleSet = ruleSet.InForceFor(facts);
        var results = await engines.For(ruleSet).ExecuteAllRulesAsync(ruleSet.Name, [new RuleParameter("input", facts)], cancellationToken);
        var decision = new DecisionInProgress(ruleSet, facts, lean: false);
        foreach (var result in results)
        {
            // The engine's own text names .NET's parameters; what failed is said as the compiled rules say it.
            var error = string.IsNullOrEmpty(result.ExceptionMessage) ? null : "it fails for these facts";
            decision.Add(ruleSet.Rules[result.Rule.RuleName], result.IsSuccess && error is null, error, position: 0);
        }
        return decision.Finish();
    }

    /// <param name="lean">Only the outcome and the failed flags are wanted (<see cref="Settle"/>): no verdicts, messages or figures.</param>
    private sealed class DecisionInProgress(CompiledRuleSet ruleSet, object facts, bool lean)
    {
        private readonly List<RuleVerdict> _verdicts = lean ? [] : new(ruleSet.InOrder.Count);
        private readonly List<string> _figures = [];
        // Made only for a decision with a rule that could not be worked out: the nightly jobs make millions without one.
        private List<(string Rule, string Why)>? _unworkable;
        private readonly NamedValues _values = new(ruleSet.NamedValues, facts);
        private int _worst = -1;
        private string? _tier;
        private int _points;
        private ulong _failedFlags;

        /// <param name="position">The rule's place in the set, which <see cref="Settle"/> marks a failed flag by.</param>
        public void Add(CompiledRule rule, bool passed, string? error, int position)
        {
            if (rule.AppliesWhen is { } applies)
            {
                var applying = _values.GetValueOrDefault(applies);
                if (applying is false) return;
                // A condition that cannot be worked out lets the rule apply, as RulesEngine does; the check is told.
                if (applying is null && !lean) (_unworkable ??= []).Add((rule.Name, $"whether it applies ({CodeWords.Of(applies).ToLowerInvariant()}) cannot be worked out"));
            }

            var points = 0;
            if (passed && !TryPoints(rule, out points, out var unusable))
            {
                // The points are worked out from an officer's formula: one that cannot be used fails its rule, with the reason.
                passed = false;
                error = unusable;
            }
            if (lean)
            {
                if (!passed && rule.Flag is not null) _failedFlags |= 1UL << position;
            }
            else
            {
                if (error is not null) (_unworkable ??= []).Add((rule.Name, error.TrimEnd('.')));
                AddVerdict(rule, passed, error);
            }
            Count(rule, passed, points);
        }

        // Apart from Add so that the lean path does not pay for the message closures: the compiler allocates a
        // closure's captured state where the method starts, whichever branch then runs.
        private void AddVerdict(CompiledRule rule, bool passed, string? error)
        {
            var values = _values;
            var message = error is not null
                ? (Func<string>)(() => $"This rule could not be worked out for these facts, so it counts as failed: {error.TrimEnd('.')}.")
                : passed ? () => rule.PassMessage.Format(facts, values) : () => rule.FailMessage.Format(facts, values);
            _verdicts.Add(new RuleVerdict(rule.Name, passed, rule.Outcome, rule.Flag, rule.Approvers, message)
            {
                Cap = rule.Cap is null ? null : values.GetValueOrDefault(rule.Cap) as decimal?,
                Measured = rule.Measures is null ? null : values.GetValueOrDefault(rule.Measures) as decimal?,
            });
            _figures.AddRange(rule.Figures);
        }

        private void Count(CompiledRule rule, bool passed, int points)
        {
            if (passed)
            {
                _tier ??= rule.Tier;
                _points += points;
            }
            else if (rule.Outcome is { } outcome)
            {
                _worst = Math.Max(_worst, IndexOf(ruleSet.Definition.FailureOutcomesBySeverity, outcome));
            }
        }

        private bool TryPoints(CompiledRule rule, out int points, out string? unusable)
        {
            unusable = null;
            points = rule.PointsLiteral ?? 0;
            if (rule.PointsValue is not { } named) return true;
            var value = _values.GetValueOrDefault(named);
            switch (value)
            {
                case int whole when whole is >= -RulePoints.Most and <= RulePoints.Most:
                    points = whole;
                    return true;
                case decimal amount when amount == decimal.Truncate(amount) && amount is >= -RulePoints.Most and <= RulePoints.Most:
                    points = (int)amount;
                    return true;
                default:
                    unusable = value is null
                        ? $"the points ({CodeWords.Of(named).ToLowerInvariant()}) could not be worked out for these facts."
                        : $"the points ({CodeWords.Of(named).ToLowerInvariant()}) came to {value}, which is not a whole number from -{RulePoints.Most:N0} to {RulePoints.Most:N0}.";
                    return false;
            }
        }

        public Settlement Settle() => new(Decided(), _failedFlags, null);

        private string Decided()
        {
            var definition = ruleSet.Definition;
            return definition.AwardsTiers
                ? _tier ?? definition.PassingOutcome
                : _worst >= 0 ? definition.FailureOutcomesBySeverity[_worst] : definition.PassingOutcome;
        }

        public Evaluation Finish()
        {
            var decision = new PolicyDecision
            {
                RuleSet = ruleSet.Name,
                Version = ruleSet.Version,
                Outcome = Decided(),
                Rules = _verdicts,
                Figures = new Figures(_values, _figures),
                Facts = facts,
            };
            return new Evaluation(decision, _points) { Unworkable = (IReadOnlyList<(string, string)>?)_unworkable ?? [] };
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
}

/// <summary>
/// RulesEngine with the workflow of each stretch of days of a rule set (the values in force from each change),
/// made when first asked for and kept only as long as the check that uses them.
/// </summary>
internal sealed class ReferenceEngines
{
    private readonly Dictionary<CompiledRuleSet, IRulesEngine> _engines = new(ReferenceEqualityComparer.Instance);

    public IRulesEngine For(CompiledRuleSet period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!_engines.TryGetValue(period, out var engine))
            _engines[period] = engine = new RulesEngine.RulesEngine([period.Workflow], RuleEngineSettings.Create());
        return engine;
    }
}

/// <summary>
/// Every named value of a rule set in one table, in file order: the constants' values, and for the others the
/// compiled function of the facts that works them out. A decision reads it through <see cref="NamedValues"/>.
/// </summary>
internal sealed class NamedValueTable
{
    private readonly object?[] _constants;
    private readonly Func<object, object?>?[] _workers;

    public NamedValueTable(IReadOnlyList<string> names, IReadOnlyDictionary<string, object?> constants, IReadOnlyDictionary<string, Func<object, object?>> derived)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        Slots = names.Select((name, slot) => (name, slot)).ToFrozenDictionary(n => n.name, n => n.slot, StringComparer.Ordinal);
        _constants = names.Select(n => constants.GetValueOrDefault(n)).ToArray();
        _workers = names.Select(n => derived.GetValueOrDefault(n)).ToArray();
    }

    public IReadOnlyList<string> Names { get; }

    public FrozenDictionary<string, int> Slots { get; }

    public bool IsWorkedOut(int slot) => _workers[slot] is not null;

    public object? Constant(int slot) => _constants[slot];

    public object? WorkOut(int slot, object facts)
    {
        try
        {
            return _workers[slot]!(facts);
        }
#pragma warning disable CA1031 // An officer's formula may fail on some facts (a division by zero); the rules using it report that.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}

/// <summary>
/// The named values of one decision: constants as they are, the others worked out from the facts when first
/// asked for. A value that cannot be worked out for these facts reads as missing; the rules that use it fail in
/// the engine with the reason.
/// </summary>
internal sealed class NamedValues(NamedValueTable table, object facts) : IReadOnlyDictionary<string, object?>
{
    private static readonly object NotYetWorkedOut = new();

    // A kept decision (a ranked shortlist) may have its messages written later on several threads at once: each
    // slot is written whole, and working a value out twice gives the same value, so no lock is needed.
    private object?[]? _worked;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => table.Names;

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    public int Count => table.Names.Count;

    public bool ContainsKey(string key) => table.Slots.ContainsKey(key);

    public bool TryGetValue(string key, out object? value)
    {
        if (!table.Slots.TryGetValue(key, out var slot))
        {
            value = null;
            return false;
        }
        value = this[slot];
        return true;
    }

    public object? this[int slot]
    {
        get
        {
            if (!table.IsWorkedOut(slot)) return table.Constant(slot);
            var worked = _worked ??= CreateWorked(table.Names.Count);
            var value = Volatile.Read(ref worked[slot]);
            if (!ReferenceEquals(value, NotYetWorkedOut)) return value;
            value = table.WorkOut(slot, facts);
            Volatile.Write(ref worked[slot], value);
            return value;
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static object?[] CreateWorked(int count)
    {
        var worked = new object?[count];
        Array.Fill(worked, NotYetWorkedOut);
        return worked;
    }
}

/// <summary>
/// The figures a decision used (the caps, thresholds and amounts its rules name), read from its named values when
/// first looked at: most decisions are only asked for their outcome.
/// </summary>
internal sealed class Figures(NamedValues values, List<string> names) : IReadOnlyDictionary<string, object?>
{
    private Dictionary<string, object?>? _figures;

    private Dictionary<string, object?> All => LazyInitializer.EnsureInitialized(ref _figures, () =>
    {
        var figures = new Dictionary<string, object?>(names.Count, StringComparer.Ordinal);
        foreach (var name in names) figures[name] = values.GetValueOrDefault(name);
        return figures;
    });

    public object? this[string key] => All[key];

    public IEnumerable<string> Keys => All.Keys;

    public IEnumerable<object?> Values => All.Values;

    public int Count => All.Count;

    public bool ContainsKey(string key) => All.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => All.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => All.GetEnumerator();

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
            yield return $"expected \"{CodeWords.Outcome(expect.Outcome)}\" but the rules decided \"{CodeWords.Outcome(decision.Outcome)}\"{(failed.Count > 0 ? $" (failed: {Describe(failed)})" : string.Empty)}.";
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

    /// <summary>Where the compiled checks decided differently from the RulesEngine workflow, rule by rule.</summary>
    public static IEnumerable<string> Disagreements(Evaluation engine, Evaluation checks)
    {
        var byEngine = engine.Decision.Rules.ToDictionary(r => r.Rule, r => r.Passed, StringComparer.Ordinal);
        foreach (var rule in checks.Decision.Rules)
        {
            if (!byEngine.Remove(rule.Rule, out var passed))
                yield return $"the rule {CodeWords.Of(rule.Rule)} was decided here but RulesEngine did not run it.";
            else if (passed != rule.Passed)
                yield return $"RulesEngine has the rule {CodeWords.Of(rule.Rule)} {(passed ? "passing" : "failing")}, the compiled rule has it {(rule.Passed ? "passing" : "failing")}.";
        }
        foreach (var rule in byEngine.Keys)
            yield return $"RulesEngine ran the rule {CodeWords.Of(rule)}, which was not decided here.";
        if (engine.Decision.Outcome != checks.Decision.Outcome || engine.Points != checks.Points)
            yield return $"RulesEngine decided \"{CodeWords.Outcome(engine.Decision.Outcome)}\" ({engine.Points} points), the compiled rules \"{CodeWords.Outcome(checks.Decision.Outcome)}\" ({checks.Points} points).";
    }

    // Rules and flags by their names in words ("Within DfE cap", "Over length limit"), as the page says them.
    private static string Describe(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal).Select(CodeWords.Of));
}

/// <summary>What a decision came to, as the look-ahead compares it: the outcome, and the failed rules that raise a flag.</summary>
/// <param name="FailedFlags">The failed rules with a flag, one bit for each by its place in the set.</param>
/// <param name="ManyFlags">In a set of more than 64 rules, the failed flags' names instead.</param>
internal readonly record struct Settlement(string Outcome, ulong FailedFlags, string? ManyFlags);
