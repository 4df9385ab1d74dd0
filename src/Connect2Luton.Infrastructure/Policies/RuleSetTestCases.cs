using System.Text.Json;
using System.Text.Json.Nodes;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Application.RuleSets.Values;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// A rule set's test cases (rules/tests/NAME.cases.json): read against the rule set's fact type, then each decided
/// by the compiled rules and by the RulesEngine workflow, which must give what the case expects and agree rule by rule.
/// </summary>
internal static class RuleSetTestCases
{
    public static List<CompiledTestCase> Read(RuleSetDefinition definition, string? json, List<RuleSetProblem> problems)
    {
        var file = definition.TestCasesFileName;
        if (json is null)
        {
            problems.Add(new RuleSetProblem(file, null, null, "There are no test cases: every rule set needs them beside it, in rules/tests."));
            return [];
        }
        if (json.Length > RuleSetCompiler.MaximumFileLength)
        {
            problems.Add(new RuleSetProblem(file, null, null, $"The file is {json.Length:N0} characters long; the most is {RuleSetCompiler.MaximumFileLength:N0}."));
            return [];
        }
        RuleSetTestCasesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RuleSetTestCasesDocument>(json, RuleSetCompiler.StrictJson);
        }
        catch (JsonException error)
        {
            problems.Add(new RuleSetProblem(file, null, (int?)(error.LineNumber + 1), RuleSetCompiler.Explain(error)));
            return [];
        }
        catch (ArgumentException error)
        {
            // JSON objects are read lazily: a key written twice in the defaults or a case's facts shows only when read.
            problems.Add(new RuleSetProblem(file, null, null, $"A key is written twice in the defaults or in a case's facts{KeyWrittenTwice(error)}."));
            return [];
        }
        if (document is null || document.Cases.Count == 0)
        {
            problems.Add(new RuleSetProblem(file, null, null, "The file has no test cases."));
            return [];
        }

        var cases = new List<CompiledTestCase>();
        if (document.Cases.Exists(c => c is null))
        {
            problems.Add(new RuleSetProblem(file, null, null, "A test case is empty (null): take it out or write its name, facts and what it expects."));
            return [];
        }
        foreach (var unnamed in document.Cases.Where(c => !TestCaseNames.Readable(c.Name)).Take(5))
            problems.Add(new RuleSetProblem(file, null, null, $"A test case's name must be 1 to {TestCaseNames.Longest} letters, digits, spaces and punctuation, with no invisible characters{(unnamed.Name.Length == 0 ? ": one has none" : "")}."));
        // Names that read the same (case, spacing) are the same name to whoever reads the lists of cases.
        foreach (var twice in document.Cases.GroupBy(c => TestCaseNames.AsRead(c.Name), StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add(new RuleSetProblem(file, twice.First().Name, RuleSetCompiler.LineOf(json, twice.First().Name, "Name"), $"Two test cases are named \"{twice.First().Name}\": give each its own name, so that a change can say which it means."));
        foreach (var testCase in document.Cases)
        {
            JsonObject facts;
            try
            {
                facts = (JsonObject)document.Defaults.DeepClone();
                foreach (var (key, value) in testCase.Facts) facts[key] = value?.DeepClone();
            }
            catch (ArgumentException error)
            {
                problems.Add(new RuleSetProblem(file, testCase.Name, RuleSetCompiler.LineOf(json, testCase.Name, "Name"), $"A key is written twice in the defaults or in this case's facts{KeyWrittenTwice(error)}."));
                continue;
            }
            try
            {
                var typed = facts.Deserialize(definition.FactType, RuleSetCompiler.StrictJson)
                    ?? throw new JsonException("The facts are empty.");
                // A coded fact the rules compare with names ("ExternalAgency") holds one of them: any other text
                // would be decided silently as none of them.
                var refused = FactDocumentation.CodedRefusals(typed).ToList();
                foreach (var refusal in refused)
                    problems.Add(new RuleSetProblem(file, testCase.Name, RuleSetCompiler.LineOf(json, testCase.Name, "Name"), $"The case's facts do not fit: {refusal}"));
                if (refused.Count == 0) cases.Add(new CompiledTestCase(testCase.Name, typed, testCase.Expect, testCase.Against));
            }
            catch (JsonException error)
            {
                problems.Add(new RuleSetProblem(file, testCase.Name, RuleSetCompiler.LineOf(json, testCase.Name, "Name"), $"The case's facts do not fit: {RuleSetCompiler.Explain(error)}"));
            }
        }
        return cases;
    }

    /// <summary>
    /// Each test case is decided as decisions are made, and by the RulesEngine workflow: the decision must be what
    /// the case expects, and the two must agree rule by rule, so the compiled checks never drift from the engine.
    /// </summary>
    public static void Run(CompiledRuleSet ruleSet, List<RuleSetProblem> problems, CompileBudget budget)
    {
        // Each test case runs with the values in force on its own day, in the engine as in the compiled rules.
        var engines = new ReferenceEngines();
        var outcomes = OutcomesOf(ruleSet);
        // Each case's own-day decision, kept for the check against later changes.
        var ownDay = new Dictionary<CompiledTestCase, Evaluation>(ReferenceEqualityComparer.Instance);
        foreach (var testCase in ruleSet.TestCases)
        {
            budget.Check();
            void Problem(string message) =>
                problems.Add(new RuleSetProblem(ruleSet.Definition.TestCasesFileName, testCase.Name, RuleSetCompiler.LineOf(ruleSet.TestCasesJson!, testCase.Name, "Name"), message));
            // An outcome or flag the rules never give could only ever be a mismatch: it is refused as what it is.
            if (ExpectationRefusal(testCase.Expect, outcomes, ruleSet.Definition) is { } unknown)
            {
                Problem(unknown);
                continue;
            }
            if (testCase.Against is not null && CaseBoundaries.Problem(ruleSet, testCase) is { } off)
            {
                Problem(off);
                continue;
            }
            var result = ownDay[testCase] = RuleSetEvaluator.Evaluate(ruleSet, testCase.Facts);
            foreach (var miss in TestCaseCheck.Differences(testCase.Expect, result)) Problem(miss);
            var reference = RuleSetEvaluator.EvaluateInEngineAsync(engines, ruleSet, testCase.Facts, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            foreach (var disagreement in TestCaseCheck.Disagreements(reference, result)) Problem(disagreement);
        }
        WorkedOutAfterEachChange(ruleSet, ownDay, problems, budget);
    }

    /// <summary>
    /// A case is decided with the values of its own day, so values changing from a later day are never run by it: the
    /// rules are also decided for every case's facts with the values from each change, and a rule that then cannot be
    /// worked out (it divides by zero, its points are no longer a whole number in range, whether it applies cannot be
    /// had) where it could on the case's own day is refused now, said once with the first case, rather than found by
    /// the first decision after the day.
    /// </summary>
    /// <param name="ownDay">Each case's decision on its own day, as the run made it (a case refused before it was decided has none, and is decided here).</param>
    private static void WorkedOutAfterEachChange(CompiledRuleSet ruleSet, Dictionary<CompiledTestCase, Evaluation> ownDay, List<RuleSetProblem> problems, CompileBudget budget)
    {
        if (ruleSet.Later.Count == 0) return;
        foreach (var period in ruleSet.Later)
        {
            budget.Check();
            var said = new HashSet<string>(StringComparer.Ordinal);
            foreach (var testCase in ruleSet.TestCases)
            {
                if (!ownDay.TryGetValue(testCase, out var own)) ownDay[testCase] = own = RuleSetEvaluator.Evaluate(ruleSet, testCase.Facts);
                foreach (var (rule, why) in RuleSetEvaluator.Evaluate(period, testCase.Facts).Unworkable)
                {
                    if (own.Unworkable.Any(u => u.Rule == rule) || !said.Add(rule)) continue;
                    problems.Add(new RuleSetProblem(ruleSet.Definition.FileName, rule, RuleSetCompiler.LineOf(ruleSet.Json, rule),
                        $"From {period.From:d MMMM yyyy}, with the values that change that day, this rule cannot be worked out for the test case \"{testCase.Name}\": {why}."));
                }
            }
        }
    }

    // The reader says which key in .NET's words ("An item with the same key has already been added. Key: AsOf
    // (Parameter 'key')"): only the key is said.
    private static string KeyWrittenTwice(ArgumentException error)
    {
        var at = error.Message.IndexOf("Key: ", StringComparison.Ordinal);
        if (at < 0) return string.Empty;
        var key = error.Message[(at + 5)..];
        var end = key.IndexOf(" (Parameter", StringComparison.Ordinal);
        return $": {(end >= 0 ? key[..end] : key).Trim()}";
    }

    /// <summary>
    /// Every outcome the rules can decide: the passing one and the failures by severity, or where rules award tiers,
    /// the tiers they award and the one for a worker none awards.
    /// </summary>
    private static List<string> OutcomesOf(CompiledRuleSet ruleSet) =>
        ruleSet.Definition.AwardsTiers
            ? [.. ruleSet.InOrder.Select(r => r.Tier).OfType<string>().Distinct(StringComparer.Ordinal), ruleSet.Definition.PassingOutcome]
            : [ruleSet.Definition.PassingOutcome, .. ruleSet.Definition.FailureOutcomesBySeverity];

    private static string? ExpectationRefusal(ExpectedDecision expect, List<string> outcomes, RuleSetDefinition definition)
    {
        if (!outcomes.Contains(expect.Outcome, StringComparer.Ordinal))
            return expect.Outcome.Length == 0
                ? $"The case expects no outcome: write one these rules give: {InWords(outcomes.Select(CodeWords.Outcome))}."
                : $"{expect.Outcome} is not an outcome these rules give: {InWords(outcomes.Select(CodeWords.Outcome))}.";
        var flags = definition.RaisesFlags ? RuleSetDefinition.FlagNames : [];
        if (expect.Flags?.FirstOrDefault(f => !flags.Contains(f, StringComparer.Ordinal)) is { } flag)
            return flags.Count == 0
                ? "These rules raise no flags: take Flags out of what the case expects."
                : $"{flag} is not a flag these rules raise: {InWords(flags.Select(CodeWords.Of))}.";
        return null;
    }

    /// <summary>Words as a sentence lists them: "Release, Not yet or Never".</summary>
    internal static string InWords(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.SkipLast(1))} or {list[^1]}";
    }
}

/// <summary>What a test case's name may be, and when two names are the same to a reader.</summary>
internal static class TestCaseNames
{
    public const int Longest = 300;

    public static bool Readable(string name) =>
        name.Trim().Length is > 0 and <= Longest && !Application.Common.Results.FieldErrors.HasHidden(name);

    public static string AsRead(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
