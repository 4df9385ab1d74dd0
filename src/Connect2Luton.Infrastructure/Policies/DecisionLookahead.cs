using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Connect2Luton.Application.Policies;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// How long a decision stands as the days go by with nothing saved. The facts are worked out for each day ahead;
/// while the facts the rules read (<c>input.AwrWeeks</c>, never the whole record) are the same, so is the decision;
/// from the first day they differ, the rules decide each day they read differently, until the decision comes out
/// differently; a day the rule set's values change ends the look-ahead. A rule that reads the day itself
/// (<c>input.AsOf</c>), or the facts whole, reads differently every day. The rules are officers' text, so nothing
/// about what they mean is assumed: only which facts they read, and what they decide.
/// </summary>
internal static class DecisionLookahead
{
    private static readonly ConditionalWeakTable<CompiledRuleSet, FactsRead> Read = [];

    /// <summary>
    /// The first day after the decision's on which it may be decided differently, no later than the day after
    /// <paramref name="last"/>. With <paramref name="refusalOnly"/> and a decision that did not pass, it is enough
    /// that one rule which refused it keeps refusing (any one of them keeps the outcome short of passing).
    /// </summary>
    public static DateOnly MayChangeOn<TFacts>(CompiledRuleSet served, PolicyDecision decision, Func<DateOnly, TFacts> factsOn, DateOnly last, bool refusalOnly)
        where TFacts : IDatedFacts
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(factsOn);
        var today = ((TFacts)decision.Facts).AsOf;
        var end = last;
        // A named value that changes on a day ahead can change the decision that day, whatever the facts do.
        foreach (var change in served.ChangeDays.Where(d => d > today).Take(1))
        {
            if (change.AddDays(-1) < end) end = change.AddDays(-1);
        }
        if (end <= today) return today.AddDays(1);

        var read = Read.GetValue(served.InForceOn(today), FactsRead.Of);
        var refusing = refusalOnly && !served.Definition.AwardsTiers && decision.Outcome != served.Definition.PassingOutcome
            ? decision.Failed.Where(r => r.Outcome is not null).Select(r => read.ByRule.GetValueOrDefault(r.Rule)).ToList()
            : [];
        if (refusing.Count == 0 || refusing.Any(r => r is null)) refusing = [read.All];

        var facts = (TFacts)decision.Facts;
        var ahead = new List<TFacts>();
        var latest = today.AddDays(1);
        foreach (var members in refusing)
        {
            var changes = FirstChange(facts, members!, factsOn, ahead, today, end);
            if (changes > latest) latest = changes;
            if (latest > end) break;
        }
        if (latest > end) return latest;

        // From the first day the facts the rules read move on, the rules themselves say: each day they would read
        // differently is decided, until the decision comes out differently (a week more on the AWR clock changes no
        // flag until a point is reached; a day nearer the fee-free date changes nothing until it comes).
        var outcome = Settled(served, facts, refusalOnly);
        var all = SameOn<TFacts>(read.All);
        var reference = facts;
        for (var day = latest; day <= end; day = day.AddDays(1))
        {
            var i = day.DayNumber - today.DayNumber - 1;
            while (ahead.Count <= i) ahead.Add(factsOn(today.AddDays(ahead.Count + 1)));
            var next = ahead[i];
            if (all is not null && all(reference, next)) continue;
            if (Settled(served, next, refusalOnly) != outcome) return day;
            reference = next;
        }
        return end.AddDays(1);
    }

    /// <summary>
    /// What a check acts on: whether the decision passes (a prompt or none), or its outcome and the flags it raises.
    /// The day's own decision is settled the same way, so the days ahead are compared like with like.
    /// </summary>
    private static Settlement Settled<TFacts>(CompiledRuleSet served, TFacts facts, bool refusalOnly)
    {
        var settled = RuleSetEvaluator.Settle(served, facts!);
        return refusalOnly ? new Settlement(settled.Outcome == served.Definition.PassingOutcome ? "passes" : "does not pass", 0, null) : settled;
    }

    private static DateOnly FirstChange<TFacts>(TFacts today, Members members, Func<DateOnly, TFacts> factsOn, List<TFacts> ahead, DateOnly from, DateOnly end)
    {
        if (SameOn<TFacts>(members) is not { } same) return from.AddDays(1);
        var day = from;
        for (var i = 0; day < end; i++)
        {
            day = day.AddDays(1);
            // The days ahead are worked out once for all the rules compared, and only as far as needed.
            if (ahead.Count <= i) ahead.Add(factsOn(day));
            if (!same(today, ahead[i])) return day;
        }
        return end.AddDays(1);
    }

    /// <summary>
    /// Whether two days' facts are the same in the members given, compared without boxing: a night compares a million
    /// placements' facts over up to a fortnight ahead. Null when the rules read the facts whole, or a member they name
    /// is not a fact (the rule set would not have compiled; nothing is assumed).
    /// </summary>
    private static Func<TFacts, TFacts, bool>? SameOn<TFacts>(Members members)
    {
        if (members.Whole) return null;
        // Compiled once for each rule set served (the members are kept with it), not once a placement.
        if (members.Same is null)
            Interlocked.CompareExchange(ref members.Same, new Lazy<Func<TFacts, TFacts, bool>?>(() => Compare<TFacts>(members.Names)), null);
        return ((Lazy<Func<TFacts, TFacts, bool>?>)members.Same).Value;
    }

    private static Func<TFacts, TFacts, bool>? Compare<TFacts>(IEnumerable<string> names)
    {
        var left = Expression.Parameter(typeof(TFacts), "left");
        var right = Expression.Parameter(typeof(TFacts), "right");
        Expression same = Expression.Constant(true);
        foreach (var name in names)
        {
            if (typeof(TFacts).GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is not { } property) return null;
            var comparer = typeof(EqualityComparer<>).MakeGenericType(property.PropertyType);
            var equals = Expression.Call(Expression.Property(null, comparer.GetProperty(nameof(EqualityComparer<int>.Default))!),
                comparer.GetMethod(nameof(EqualityComparer<int>.Equals), [property.PropertyType, property.PropertyType])!,
                Expression.Property(left, property), Expression.Property(right, property));
            same = Expression.AndAlso(same, equals);
        }
        return Expression.Lambda<Func<TFacts, TFacts, bool>>(same, left, right).Compile();
    }

    /// <summary>The facts each rule reads, through its own expression, whether it applies, its points, and the named values they use.</summary>
    private sealed class FactsRead
    {
        public required Members All { get; init; }
        public required IReadOnlyDictionary<string, Members> ByRule { get; init; }

        public static FactsRead Of(CompiledRuleSet ruleSet)
        {
            var day = ruleSet.From ?? DateOnly.MinValue;
            var values = ruleSet.Document.GlobalParams.ToDictionary(v => v.Name, v => v.Changes.Where(c => c.From <= day).OrderBy(c => c.From).LastOrDefault()?.Expression ?? v.Expression, StringComparer.Ordinal);
            var byRule = new Dictionary<string, Members>(StringComparer.Ordinal);
            foreach (var rule in ruleSet.Document.Rules.Where(r => r.Enabled))
            {
                var members = new Members(ruleSet.Definition.FactType);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                members.Add(rule.Expression, values, seen);
                // Whether the rule applies, and its points, can decide whether it passes: both are read too.
                foreach (var named in new[] { rule.Properties.AppliesWhen, rule.Properties.Points })
                {
                    if (named is not null) members.Add(named, values, seen);
                }
                byRule[rule.RuleName] = members;
            }
            var all = new Members(ruleSet.Definition.FactType);
            foreach (var members in byRule.Values) all.Join(members);
            return new FactsRead { All = all, ByRule = byRule };
        }
    }

    private sealed class Members(Type facts)
    {
        // The expression language also reads the facts as "it" (or "root", "parent"), and a fact by its bare name.
        private static readonly HashSet<string> TheFactsThemselves = new(["it", "root", "parent"], StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
        public bool Whole { get; private set; }

        /// <summary>The comparer of these members, made once (<see cref="SameOn{TFacts}"/>); the members are of one type of facts.</summary>
        public object? Same;

        public void Join(Members other)
        {
            Whole |= other.Whole;
            Names.UnionWith(other.Names);
        }

        /// <summary>The facts an expression reads: <c>input.Name</c> directly, or through the named values it uses.</summary>
        public void Add(string expression, IReadOnlyDictionary<string, string> values, HashSet<string> seen)
        {
            foreach (var (start, end) in NamedValueInlining.Names(expression))
            {
                var name = expression[start..end];
                if (name == "input")
                {
                    var at = end;
                    while (at < expression.Length && char.IsWhiteSpace(expression[at])) at++;
                    if (at < expression.Length && expression[at] == '.')
                    {
                        at++;
                        while (at < expression.Length && char.IsWhiteSpace(expression[at])) at++;
                        var member = at;
                        while (at < expression.Length && (char.IsAsciiLetterOrDigit(expression[at]) || expression[at] == '_')) at++;
                        if (at > member)
                        {
                            Names.Add(expression[member..at]);
                            continue;
                        }
                    }
                    // The facts passed whole (to a function, say): anything about them may matter.
                    Whole = true;
                }
                else if (values.TryGetValue(name, out var text))
                {
                    if (seen.Add(name)) Add(text, values, seen);
                }
                else if (TheFactsThemselves.Contains(name))
                {
                    Whole = true;
                }
                else if (facts.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } fact)
                {
                    Names.Add(fact.Name);
                }
            }
        }
    }
}
