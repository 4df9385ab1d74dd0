using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets.Values;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// The one gate every rule set passes through, whether loaded at start, edited on disk or saved by an officer:
/// strict JSON, structure, every expression compiled against the real fact types and walked against the
/// allow-list, every message checked, then the rule set's own test cases. Anything wrong comes back as problems
/// naming the file, rule and line; only a rule set with none is compiled.
/// </summary>
internal static partial class RuleSetCompiler
{
    public const int MaximumFileLength = 200_000;
    public const int MaximumExpressionLength = 1_000;
    public const int MaximumInlinedLength = 20_000;
    public const int MaximumWrittenOutLength = 60_000;
    public const int MaximumTextLength = 1_000;
    public const int MaximumRules = 100;
    public const int MaximumChangeDays = 12;
    private static readonly DateOnly EarliestChange = new(2000, 1, 1);
    private static readonly DateOnly LatestChange = new(2099, 12, 31);

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "input", "it", "parent", "root", "new", "true", "false", "null", "iif", "np", "as", "is", "in", "and", "or", "not", "Policy", "Math",
        // The kinds of value and helpers the parser knows by name: a value called so would read as the one or the other.
        "Convert", "DateTime", "DateOnly", "TimeSpan", "string", "decimal", "int", "long", "bool", "double", "object", "typeof",
    };

    internal static readonly JsonSerializerOptions StrictJson = new()
    {
        PropertyNameCaseInsensitive = false,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        MaxDepth = 16,
    };

    /// <summary>The most a rule set may take to check and compile, test cases included; past it, it is refused.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    // Compiling runs on a thread of its own with a large stack. The bounds on depth are what keep the parser's
    // recursion in check; this is the margin behind them, since an overflowed stack cannot be caught and would end
    // the process. On Linux and Windows a thread's stack is reserved, not committed, so the size costs nothing.
    private const int CompilerStackBytes = 64 * 1024 * 1024;

    // One that waits past the budget is turned away (RuleCompiles.AtOnce says how many run).
    private static readonly SemaphoreSlim Compiling = new(RuleCompiles.AtOnce);

    /// <param name="runTestCases">False only to try a draft out: every other check still runs before any of it does.</param>
    public static (CompiledRuleSet? RuleSet, IReadOnlyList<RuleSetProblem> Problems) Compile(RuleSetDefinition definition, string json, string? testCasesJson, bool runTestCases = true)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!Compiling.Wait(Budget))
            return (null, [new RuleSetProblem(definition.FileName, null, null, "Other rule sets are being checked and there was no room to check this one: nothing has changed. Try again in a minute.")]);
        try
        {
            return CompileOnItsOwnThread(definition, json, testCasesJson, runTestCases);
        }
        finally
        {
            Compiling.Release();
        }
    }

    private static (CompiledRuleSet?, IReadOnlyList<RuleSetProblem>) CompileOnItsOwnThread(RuleSetDefinition definition, string json, string? testCasesJson, bool runTestCases)
    {
        (CompiledRuleSet?, IReadOnlyList<RuleSetProblem>) result = default;
        var thread = new Thread(() => result = CompileGuarded(definition, json, testCasesJson, runTestCases), CompilerStackBytes)
        {
            IsBackground = true,
            Name = $"Compile {definition.Name}",
        };
        thread.Start();
        thread.Join();
        return result;
    }

    private static (CompiledRuleSet?, IReadOnlyList<RuleSetProblem>) CompileGuarded(RuleSetDefinition definition, string json, string? testCasesJson, bool runTestCases)
    {
        var budget = new CompileBudget(Budget);
        try
        {
            var (compiled, problems) = CompileChecked(definition, json, testCasesJson, runTestCases, budget);
            if (compiled is not null) compiled.Figures = budget.Figures();
            return (compiled, problems);
        }
        catch (CompileBudget.SpentException)
        {
            return (null, [new RuleSetProblem(definition.FileName, budget.Working, budget.Working is null ? null : LineOf(json, budget.Working),
                $"Checking this rule set took more than {Budget.TotalSeconds:N0} seconds, so it is refused: a rule set must check in less. Make the named values and rules that are written out longest shorter.")]);
        }
#pragma warning disable CA1031 // Whatever an officer's text makes a library throw is a problem with the text, never a reason for a page or the start-up to fail.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // What a library threw is said in words, with no rule named: the step it was in may not be the one at fault.
            return (null, [new RuleSetProblem(definition.FileName, null, null,
                $"The rule set could not be checked: while checking {(budget.Working is null ? "it" : $"'{budget.Working}'")}, {RuleFailureWords.Of(error)}. Look at the numbers and dates in the rules and test cases near it.")]);
        }
    }

    private static (CompiledRuleSet? RuleSet, IReadOnlyList<RuleSetProblem> Problems) CompileChecked(
        RuleSetDefinition definition, string json, string? testCasesJson, bool runTestCases, CompileBudget budget)
    {
        var problems = new List<RuleSetProblem>();
        var file = definition.FileName;
        if (json.Length > MaximumFileLength)
            return Fail(problems, file, null, null, $"The file is more than {MaximumFileLength:N0} characters long, the most a rule file may be.");

        RuleSetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RuleSetDocument>(json, StrictJson);
        }
        catch (JsonException error)
        {
            return Fail(problems, file, null, error.LineNumber + 1, Explain(error));
        }
        if (document is null) return Fail(problems, file, null, 1, "The file holds no rule set.");

        CheckStructure(definition, document, json, problems);
        if (problems.Count > 0) return (null, problems);

        // Each stretch of days between changes to named values is compiled as a rule set of its own, so a decision
        // runs one set of rules whatever its day; they differ only in the values in force.
        var days = document.GlobalParams.SelectMany(v => v.Changes).Select(c => c.From).Distinct().Order().ToList();
        if (days.Count > MaximumChangeDays)
            return Fail(problems, file, null, null, $"Named values change on {days.Count} different days; a rule set may have changes on at most {MaximumChangeDays}. Take out changes that are over.");
        // Every stretch is the same file: one version for all of them.
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        CompiledPeriod? first = null;
        var later = new List<CompiledRuleSet>();
        foreach (var day in days.Select(d => (DateOnly?)d).Prepend(null))
        {
            var periodProblems = new List<RuleSetProblem>();
            budget.NextStretch();
            var period = CompilePeriod(definition, document, json, day, first?.Expressions, periodProblems, budget);
            // The problems of a later stretch are said with its day; before a clean first stretch they would repeat it.
            problems.AddRange(day is { } from ? periodProblems.Select(p => p with { Message = $"From {from:d MMMM yyyy}: {p.Message}" }) : periodProblems);
            if (period is null) return (null, problems);
            if (first is null) first = period;
            else later.Add(period.ToRuleSet(definition, document, json, testCasesJson, version, day, []));
        }

        var testCases = runTestCases ? RuleSetTestCases.Read(definition, testCasesJson, problems) : [];
        if (problems.Count > 0) return (null, problems);

        var compiled = first!.ToRuleSet(definition, document, json, testCasesJson, version, null, testCases);
        compiled.Later = later;
        if (runTestCases) RuleSetTestCases.Run(compiled, problems, budget);
        return problems.Count > 0 ? (null, problems) : (compiled, problems);
    }

    /// <summary>
    /// The named values as they stand from <paramref name="day"/> (null: before any change) and the rules with
    /// them, compiled. A value keeps its kind when it changes: rules and messages were checked with it.
    /// </summary>
    private static CompiledPeriod? CompilePeriod(
        RuleSetDefinition definition, RuleSetDocument document, string json, DateOnly? day, CompiledExpressions? before, List<RuleSetProblem> problems, CompileBudget budget)
    {
        var expressions = CompileExpressions(definition, document, json, day, problems, budget);
        // Named values after one that failed are not compiled, so only a clean compile says which are missing.
        if (problems.Count == 0) CheckValuesTheAppReads(definition, expressions, json, problems);
        if (problems.Count == 0) CheckPoints(document, expressions, json, definition, problems);
        if (problems.Count == 0 && before is not null)
        {
            foreach (var (name, type) in expressions.Types.Where(t => before.Types[t.Key] != t.Value))
                problems.Add(new RuleSetProblem(definition.FileName, name, LineOf(json, name),
                    $"'{name}' becomes {TypeWords.Of(type)}, where before it was {TypeWords.Of(before.Types[name])}: a value keeps its kind when it changes."));
        }
        if (problems.Count > 0) return null;

        var rules = CompileRules(definition, document, json, expressions, problems);
        if (problems.Count > 0) return null;

        var workflow = ToWorkflow(document, rules, expressions);
        try
        {
            // RulesEngine's own structural checks run when a workflow is added.
            _ = new RulesEngine.RulesEngine([workflow], RuleEngineSettings.Create());
        }
        catch (Exception error) when (error is RulesEngine.Exceptions.RuleValidationException or ArgumentException)
        {
            problems.Add(new RuleSetProblem(definition.FileName, null, null, $"RulesEngine refused the workflow: {error.Message}"));
            return null;
        }
        return new CompiledPeriod(expressions, rules, workflow);
    }

    /// <summary>One stretch of days compiled: its named values, rules and workflow.</summary>
    private sealed record CompiledPeriod(CompiledExpressions Expressions, List<CompiledRule> Rules, Workflow Workflow)
    {
        public CompiledRuleSet ToRuleSet(RuleSetDefinition definition, RuleSetDocument document, string json, string? testCasesJson, string version, DateOnly? from, List<CompiledTestCase> testCases) => new()
        {
            Definition = definition,
            Document = document,
            Json = json,
            TestCasesJson = testCasesJson,
            Version = version,
            From = from,
            Workflow = Workflow,
            Constants = Expressions.Constants,
            NamedValues = new NamedValueTable(document.GlobalParams.Select(v => v.Name).ToList(), Expressions.Constants, Expressions.Derived),
            Rules = Rules.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal),
            InOrder = Rules,
            WarmUpFacts = testCases.Select(c => c.Facts).ToList(),
            TestCases = testCases,
        };
    }

    // A value set as a rule's points is held to the points a rule may earn when it is set, not when a shortlist
    // finds every worker unranked.
    private static void CheckPoints(RuleSetDocument document, CompiledExpressions expressions, string json, RuleSetDefinition definition, List<RuleSetProblem> problems)
    {
        foreach (var name in document.Rules.Select(r => r.Properties.Points).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!expressions.Constants.TryGetValue(name, out var constant)) continue;
            var fits = constant switch
            {
                int whole => whole is >= -RulePoints.Most and <= RulePoints.Most,
                decimal amount => amount == decimal.Truncate(amount) && amount is >= -RulePoints.Most and <= RulePoints.Most,
                _ => true,
            };
            if (!fits)
                problems.Add(new RuleSetProblem(definition.FileName, name, LineOf(json, name), $"It is a rule's points, so it must be a whole number from -{RulePoints.Most:N0} to {RulePoints.Most:N0}, not {constant}."));
        }
    }

    private static void CheckValuesTheAppReads(RuleSetDefinition definition, CompiledExpressions expressions, string json, List<RuleSetProblem> problems)
    {
        foreach (var value in definition.ValuesTheAppReads)
        {
            if (!expressions.Types.ContainsKey(value.Name))
                problems.Add(new RuleSetProblem(definition.FileName, null, null, $"The named value '{value.Name}' is missing: the application reads it, so it must be set, as {value.Shape}."));
            else if (!value.Accepts(expressions.Constants.GetValueOrDefault(value.Name)))
                problems.Add(new RuleSetProblem(definition.FileName, value.Name, LineOf(json, value.Name), $"It must be {value.Shape}, set as a value rather than worked out."));
        }
    }

    private static void CheckStructure(RuleSetDefinition definition, RuleSetDocument document, string json, List<RuleSetProblem> problems)
    {
        var file = definition.FileName;
        void Problem(string? rule, string message) => problems.Add(new RuleSetProblem(file, rule, rule is null ? null : LineOf(json, rule), message));

        if (document.WorkflowName != definition.Name)
            Problem(null, $"WorkflowName is '{document.WorkflowName}' but this file must hold the '{definition.Name}' rule set.");
        if (document.Rules.Count == 0) Problem(null, "The rule set has no rules.");
        if (document.Rules.Count > MaximumRules || document.GlobalParams.Count > MaximumRules)
            Problem(null, $"A rule set may have at most {MaximumRules} rules and {MaximumRules} named values.");
        CheckText(document.Description, "The rule set's description", null);

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in document.GlobalParams)
        {
            if (!Identifier().IsMatch(value.Name) || ReservedNames.Contains(value.Name))
                Problem(value.Name, $"'{value.Name}' cannot name a value: use letters and digits, starting with a letter, and not a word rules use ({string.Join(", ", ReservedNames.Order())}).");
            if (!names.Add(value.Name)) Problem(value.Name, $"'{value.Name}' is named twice.");
            CheckExpressionText(value.Name, value.Expression);
            CheckChanges(value);
            CheckText(value.Description, "The description", value.Name);
            CheckText(value.Label, "The label", value.Name);
            CheckType(value);
        }

        var byTier = definition.AwardsTiers && !document.Rules.Any(r => r.Properties.Tier is not null);
        if (byTier) Problem(null, "No rule awards a tier: at least one rule needs a Tier.");

        foreach (var rule in document.Rules)
        {
            if (!Identifier().IsMatch(rule.RuleName)) Problem(rule.RuleName, $"'{rule.RuleName}' cannot name a rule: use letters and digits, starting with a letter.");
            if (!names.Add(rule.RuleName)) Problem(rule.RuleName, $"'{rule.RuleName}' is used for more than one rule or value.");
            if (rule.RuleExpressionType != "LambdaExpression") Problem(rule.RuleName, "RuleExpressionType must be \"LambdaExpression\".");
            CheckExpressionText(rule.RuleName, rule.Expression);
            CheckText(rule.ErrorMessage, "The message when it fails", rule.RuleName);
            CheckText(rule.SuccessEvent, "The message when it passes", rule.RuleName);
            CheckText(rule.Properties.Description, "The description", rule.RuleName);
            CheckText(rule.Properties.Approvers, "The approvers", rule.RuleName);
            CheckProperties(definition, rule, Problem);
        }

        void CheckExpressionText(string owner, string expression)
        {
            if (string.IsNullOrWhiteSpace(expression)) Problem(owner, "The expression is empty.");
            else if (HiddenCharacters.In(expression) is { } hidden) Problem(owner, $"The expression has {hidden} in it: take it out, it shows as nothing or as other text.");
            else if (expression.Length > MaximumExpressionLength)
                Problem(owner, $"The expression is {expression.Length:N0} characters long; the most is {MaximumExpressionLength:N0}. Split it into named values.");
            else if (ExpressionShape.Of(expression).Problem(writtenOut: false) is { } shape) Problem(owner, shape);
        }

        void CheckChanges(NamedValueDocument value)
        {
            DateOnly? previous = null;
            foreach (var change in value.Changes)
            {
                if (change is null)
                {
                    Problem(value.Name, "A change is empty (null): take it out, or give it a From date and an Expression.");
                    return;
                }
                if (change.From < EarliestChange || change.From > LatestChange)
                    Problem(value.Name, $"A change from {change.From:d MMMM yyyy} is out of range: changes are dated from {EarliestChange:d MMMM yyyy} to {LatestChange:d MMMM yyyy}.");
                else if (previous is { } earlier && change.From <= earlier)
                    Problem(value.Name, $"The changes must be in date order, each on a different day: {change.From:d MMMM yyyy} comes after {earlier:d MMMM yyyy}.");
                previous = change.From;
                CheckExpressionText(value.Name, change.Expression);
            }
        }

        // A declared type is how the value is shown and typed: its value and every dated change must be in that type's form.
        void CheckType(NamedValueDocument value)
        {
            if (value.Type is null)
            {
                if (value.Unit is not null) Problem(value.Name, "A Unit only goes with a Type: give the value a Type, or take the Unit out.");
                return;
            }
            var (type, problem) = ValueKinds.Of(value.Type, value.Unit);
            if (type is null)
            {
                Problem(value.Name, problem!);
                return;
            }
            var example = type.Read(type.Example, "it").Expression;
            if (type.Show(value.Expression) is null)
                Problem(value.Name, $"'{Shorten(value.Expression)}' is not a {value.Type} value, like {example}: write one, or take out Type for a value worked out from others.");
            foreach (var change in value.Changes.Where(c => c is not null && type.Show(c.Expression) is null))
                Problem(value.Name, $"From {change.From:d MMMM yyyy}: '{Shorten(change.Expression)}' is not a {value.Type} value, like {example}.");
        }

        static string Shorten(string text) => text.Length <= 60 ? text : $"{text[..60]}…";

        void CheckText(string? text, string what, string? owner)
        {
            if (text is { Length: > MaximumTextLength }) Problem(owner, $"{what} is {text.Length:N0} characters long; the most is {MaximumTextLength:N0}.");
            // People read these on pages and in decisions: a direction override or a null shows other text than was written.
            else if (text is not null && HiddenCharacters.In(text) is { } hidden) Problem(owner, $"{what} has {hidden} in it: take it out, it shows as nothing or as other text.");
        }
    }

    private static void CheckProperties(RuleSetDefinition definition, RuleDocument rule, Action<string?, string> problem)
    {
        var p = rule.Properties;
        // Outcomes and flags are said as pages say them ("Not yet", "Over the length limit"); what the officer wrote is quoted as written.
        var failing = definition.FailureOutcomesBySeverity;
        if (p.Outcome is { } outcome && !failing.Contains(outcome))
            problem(rule.RuleName, failing.Count == 0 ? "Rules in this rule set do not have an Outcome."
                : outcome == definition.PassingOutcome
                    ? $"{outcome} is what these rules decide when no rule fails: a rule that fails gives {RuleSetTestCases.InWords(failing.Select(CodeWords.Outcome))}."
                    : $"{outcome} is not an outcome a rule that fails gives here: {RuleSetTestCases.InWords(failing.Select(CodeWords.Outcome))}."
                        + (failing.Any(f => string.Equals(f, outcome, StringComparison.OrdinalIgnoreCase)) ? " Write it with its capitals, as the other rules do." : ""));
        if (p.Outcome is { } needs && definition.OutcomesNeedingApprovers.Contains(needs) && string.IsNullOrWhiteSpace(p.Approvers))
            problem(rule.RuleName, $"A rule that fails as \"{CodeWords.Outcome(needs)}\" needs Approvers: who must sign off.");
        if (p.Approvers is not null && (p.Outcome is null || !definition.OutcomesNeedingApprovers.Contains(p.Outcome)))
            problem(rule.RuleName, definition.OutcomesNeedingApprovers.Count == 0
                ? "Nothing in this rule set needs sign-off: take Approvers out."
                : $"Approvers only mean something for a rule that fails as {string.Join(" or ", definition.OutcomesNeedingApprovers.Select(o => $"\"{CodeWords.Outcome(o)}\""))}.");
        if (p.Flag is { } flag && (!definition.RaisesFlags || !RuleSetDefinition.FlagNames.Contains(flag)))
            problem(rule.RuleName, definition.RaisesFlags
                ? $"{flag} is not a flag these rules raise: {RuleSetTestCases.InWords(RuleSetDefinition.FlagNames.Select(CodeWords.Of))}."
                : "Rules in this rule set do not raise flags.");
        if ((p.Tier is not null || p.Points is not null) && !definition.AwardsTiers)
            problem(rule.RuleName, "Only the local-candidate preference rules award tiers and points.");
        if ((p.Cap is not null || p.Measures is not null) && !definition.HasCaps)
            problem(rule.RuleName, "Only the pay-rate rules name a Cap and what it Measures.");
        if ((p.Cap is null) != (p.Measures is null))
            problem(rule.RuleName, "A rule that names a Cap also names what it Measures, and the other way round.");
        if (p.Tier is { } tier && !Identifier().IsMatch(tier))
            problem(rule.RuleName, $"Tier '{tier}' must be a single word of letters and digits.");
    }

    /// <summary>
    /// Compiles the named values in order (each may use the facts and the values before it) and the rules. Each
    /// named value is also spelled out in terms of the facts alone (the values it uses written in place) and
    /// compiled on its own, so a decision can report any value without the engine carrying them all.
    /// </summary>
    private static CompiledExpressions CompileExpressions(RuleSetDefinition definition, RuleSetDocument document, string json, DateOnly? day, List<RuleSetProblem> problems, CompileBudget budget)
    {
        var parser = new RuleExpressionParser(RuleEngineSettings.Create());
        var factTypes = new HashSet<Type> { definition.FactType };
        var input = Expression.Parameter(definition.FactType, "input");
        var parameters = new List<ParameterExpression> { input };
        var compiled = new CompiledExpressions();

        foreach (var value in document.GlobalParams)
        {
            budget.Start(value.Name);
            var text = value.ExpressionOn(day);
            // A date is written in the file as people read it ("2027-04-01") and compared in the rules as a day.
            if (value.Type == "Date" && DateValue.DayOf(text) is not null) text = $"Policy.Date({text.Trim()})";
            var parsed = Parse(parser, text, parameters, null, definition, json, value.Name, factTypes, problems);
            if (parsed is null) return compiled;
            compiled.Types[value.Name] = parsed.Type;
            parameters.Add(Expression.Parameter(parsed.Type, value.Name));
            if (parsed is ConstantExpression constant)
            {
                compiled.Constants[value.Name] = constant.Value;
                compiled.Inlined[value.Name] = text.Trim();
                continue;
            }
            // Spelled out, the value is made of parts that have each passed the allow-list above.
            var inlined = Inline(text, compiled, definition, json, value.Name, problems, budget);
            if (inlined is null) return compiled;
            compiled.Inlined[value.Name] = inlined;
            try
            {
                compiled.Derived[value.Name] = CompileValue(input, parser.Parse(inlined, [input], null!));
            }
            catch (Exception error) when (error is System.Linq.Dynamic.Core.Exceptions.ParseException or ArgumentException or InvalidOperationException)
            {
                problems.Add(new RuleSetProblem(definition.FileName, value.Name, LineOf(json, value.Name), $"The value cannot be written out in terms of the facts: {TypeWords.InMessage(error.Message, definition.FactType)}"));
                return compiled;
            }
        }
        foreach (var rule in document.Rules)
        {
            budget.Start(rule.RuleName);
            var parsed = Parse(parser, rule.Expression, parameters, typeof(bool), definition, json, rule.RuleName, factTypes, problems);
            var inlined = Inline(rule.Expression, compiled, definition, json, rule.RuleName, problems, budget);
            if (parsed is null || inlined is null) continue;
            try
            {
                compiled.Checks[rule.RuleName] = CompileCheck(input, parser.Parse(inlined, [input], typeof(bool)));
            }
            catch (Exception error) when (error is System.Linq.Dynamic.Core.Exceptions.ParseException or ArgumentException or InvalidOperationException)
            {
                problems.Add(new RuleSetProblem(definition.FileName, rule.RuleName, LineOf(json, rule.RuleName), $"The rule cannot be written out in terms of the facts: {TypeWords.InMessage(error.Message, definition.FactType)}"));
            }
        }
        return compiled;
    }

    /// <summary>
    /// The expression with the named values it uses written in: the text that is parsed and compiled for decisions
    /// and run by the engine. Each is bounded (length, depth, parts), and so are all of them together, since
    /// short values built on each other grow at every layer, and the parser's recursion and the compile's time
    /// follow what is written out, not what was typed.
    /// </summary>
    private static string? Inline(string expression, CompiledExpressions compiled, RuleSetDefinition definition, string json, string owner, List<RuleSetProblem> problems, CompileBudget budget)
    {
        var inlined = NamedValueInlining.Inline(expression, compiled.Inlined);
        string? problem;
        if (inlined.Length > MaximumInlinedLength)
        {
            problem = $"Written out in full, with the named values it uses in place, this is {inlined.Length:N0} characters long; the most is {MaximumInlinedLength:N0}. Use fewer layers of named values built on each other.";
        }
        else
        {
            var shape = ExpressionShape.Of(inlined);
            budget.Measured(inlined.Length, shape);
            problem = shape.Problem(writtenOut: true);
        }
        if (problem is null && (compiled.WrittenOutLength += inlined.Length) > MaximumWrittenOutLength)
            problem = $"Written out in full, with the named values in place, the rule set as a whole comes to more than {MaximumWrittenOutLength:N0} characters; the most is {MaximumWrittenOutLength:N0}. Use fewer layers of named values built on each other.";
        if (problem is null) return inlined;
        problems.Add(new RuleSetProblem(definition.FileName, owner, LineOf(json, owner), problem));
        return null;
    }

    /// <summary>A named value as a function of the facts alone, boxed, for messages, figures and AppliesWhen.</summary>
    private static Func<object, object?> CompileValue(ParameterExpression input, Expression body)
    {
        var facts = Expression.Parameter(typeof(object), "facts");
        var block = Expression.Block([input], Expression.Assign(input, Expression.Convert(facts, input.Type)), Expression.Convert(CheckedArithmetic.Apply(body), typeof(object)));
        return Expression.Lambda<Func<object, object?>>(block, facts).Compile();
    }

    /// <summary>
    /// A rule as a test of the facts alone, compiled once from what RulesEngine's parser made of it. Decisions run
    /// these: the engine's workflow call costs about 3 µs on top of the rules themselves (it sorts and keys the
    /// parameters, copies them into a dictionary and builds a result tree for every rule), which four times over
    /// is most of a placement's decisions. The engine still runs every test case beside them at each load.
    /// </summary>
    private static Func<object, bool> CompileCheck(ParameterExpression input, Expression body)
    {
        var facts = Expression.Parameter(typeof(object), "facts");
        var block = Expression.Block([input], Expression.Assign(input, Expression.Convert(facts, input.Type)), CheckedArithmetic.Apply(body));
        return Expression.Lambda<Func<object, bool>>(block, facts).Compile();
    }

    private static Expression? Parse(
        RuleExpressionParser parser, string text, List<ParameterExpression> parameters, Type? returnType,
        RuleSetDefinition definition, string json, string owner, IReadOnlySet<Type> factTypes, List<RuleSetProblem> problems)
    {
        Expression expression;
        try
        {
            expression = parser.Parse(text, [.. parameters], returnType!);
        }
        catch (Exception error) when (error is System.Linq.Dynamic.Core.Exceptions.ParseException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            var message = error.Message.StartsWith("Expression of type 'Boolean' expected", StringComparison.Ordinal)
                ? "A rule must be a yes/no test (for example input.PayRate <= cap)."
                : $"The expression cannot be read: {TypeWords.InMessage(error.Message, definition.FactType)}";
            problems.Add(new RuleSetProblem(definition.FileName, owner, LineOf(json, owner), message));
            return null;
        }
        foreach (var refusal in ExpressionAllowList.Check(expression, factTypes))
            problems.Add(new RuleSetProblem(definition.FileName, owner, LineOf(json, owner), refusal));
        return problems.Count > 0 ? null : expression;
    }

    private static List<CompiledRule> CompileRules(RuleSetDefinition definition, RuleSetDocument document, string json, CompiledExpressions expressions, List<RuleSetProblem> problems)
    {
        var namedValues = expressions.Types;
        var names = namedValues.Keys.ToHashSet(StringComparer.Ordinal);
        var compiled = new List<CompiledRule>();
        foreach (var rule in document.Rules.Where(r => r.Enabled))
        {
            var messages = new List<string>();
            var p = rule.Properties;
            var pass = MessageTemplate.Parse(rule.SuccessEvent, definition.FactType, namedValues, messages);
            var fail = MessageTemplate.Parse(rule.ErrorMessage, definition.FactType, namedValues, messages);
            if (p.AppliesWhen is { } applies && namedValues.GetValueOrDefault(applies) != typeof(bool))
                messages.Add($"AppliesWhen names '{applies}', which is not a yes/no named value.");
            foreach (var figure in p.Figures.Where(f => !names.Contains(f)))
                messages.Add($"Figures names '{figure}', which is not a named value.");
            foreach (var money in new[] { p.Cap, p.Measures }.OfType<string>().Where(m => namedValues.GetValueOrDefault(m) != typeof(decimal)))
                messages.Add($"'{money}' is not a named amount of money (a decimal value such as 45.00m).");
            int? pointsLiteral = null;
            string? pointsValue = null;
            if (p.Points is { } points)
            {
                if (int.TryParse(points, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var literal))
                {
                    if (literal is >= -RulePoints.Most and <= RulePoints.Most) pointsLiteral = literal;
                    else messages.Add($"Points must be from -{RulePoints.Most:N0} to {RulePoints.Most:N0}; '{points}' is not.");
                }
                else if (namedValues.GetValueOrDefault(points) is { } type && (type == typeof(int) || type == typeof(decimal))) pointsValue = points;
                else messages.Add($"Points must be a whole number or a named number; '{points}' is neither.");
            }
            problems.AddRange(messages.Select(m => new RuleSetProblem(definition.FileName, rule.RuleName, LineOf(json, rule.RuleName), m)));
            compiled.Add(new CompiledRule(rule.RuleName, expressions.Checks[rule.RuleName], p.Outcome, p.Flag, p.Approvers, p.Tier, pointsValue, pointsLiteral, p.AppliesWhen,
                p.Cap, p.Measures, p.Figures, pass, fail));
        }
        return compiled;
    }

    /// <summary>
    /// The workflow the engine runs. RulesEngine works out every GlobalParam for each decision and copies them all
    /// into every rule's result, so named values cost more than the rules that use them. Every named value is
    /// therefore written in place in the rules that use it (constants as literals, the rest as their formulas), the
    /// way a compiler inlines, and the engine runs the rules alone. Officers still see and edit one list of named
    /// values, and decisions still report them, worked out by <see cref="CompiledRuleSet.NamedValues"/>.
    /// </summary>
    private static Workflow ToWorkflow(RuleSetDocument document, List<CompiledRule> compiled, CompiledExpressions expressions)
    {
        var enabled = compiled.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new Workflow
        {
            WorkflowName = document.WorkflowName,
            // A rule switched off is left out of the engine altogether, rather than run and ignored.
            Rules = document.Rules.Where(r => enabled.Contains(r.RuleName)).Select(r => new Rule
            {
                RuleName = r.RuleName,
                Expression = NamedValueInlining.Inline(r.Expression, expressions.Inlined),
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                ErrorMessage = r.ErrorMessage,
                SuccessEvent = r.SuccessEvent,
                Enabled = true,
            }).ToList(),
        };
    }

    private static (CompiledRuleSet?, IReadOnlyList<RuleSetProblem>) Fail(List<RuleSetProblem> problems, string file, string? rule, long? line, string message)
    {
        problems.Add(new RuleSetProblem(file, rule, line is null ? null : (int)line, message));
        return (null, problems);
    }

    /// <summary>The line where a rule or value is named in the file, for pointing officers at it.</summary>
    internal static int? LineOf(string json, string name, string key = "")
    {
        var quoted = JsonSerializer.Serialize(name);
        var at = -1;
        foreach (var candidate in key.Length > 0 ? [$"\"{key}\": {quoted}"] : new[] { $"\"RuleName\": {quoted}", $"\"Name\": {quoted}" })
        {
            at = json.IndexOf(candidate, StringComparison.Ordinal);
            if (at >= 0) break;
        }
        return at < 0 ? null : json.AsSpan(0, at).Count('\n') + 1;
    }

    /// <summary>System.Text.Json's errors in an officer's words.</summary>
    internal static string Explain(JsonException error)
    {
        var message = error.Message;
        var unmapped = Unmapped().Match(message);
        if (unmapped.Success)
            return $"'{unmapped.Groups[1].Value}' is not a key allowed at {error.Path ?? "this point"} (keys are case-sensitive: check the spelling and capitals).";
        var missing = Missing().Match(message);
        if (missing.Success) return $"A required key is missing at {error.Path ?? "this point"}: {missing.Groups[1].Value}.";
        if (message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)) return $"A key appears twice at {error.Path}.";
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var where = error.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
        // The reader names the .NET type it wanted; the officer is told what to write there instead.
        var converted = NotConverted().Match(message);
        if (converted.Success) return $"The JSON cannot be read{where}: {error.Path ?? "this point"} should be {KindOf(converted.Groups[1].Value)}.";
        // The reader names the .NET type and property a null was written for; the officer is told the key.
        var nulled = NullNotAllowed().Match(message);
        if (nulled.Success) return $"The JSON cannot be read{where}: {nulled.Groups[1].Value} cannot be null. Write it, or take the key out if it may be left out.";
        if (message.StartsWith("The maximum configured depth", StringComparison.Ordinal))
            return $"The JSON cannot be read{where}: it is nested more than 16 deep (brackets within brackets). A rule file never needs so many.";
        if (message.Contains("is an invalid start of a value", StringComparison.Ordinal))
            return $"The JSON cannot be read{where}: something other than a value (a number, \"text\", true, false, null, [ or {{) is where a value should start. An invisible mark at the very start of the file (a byte-order mark, which some editors add) counts: save the file without one.";
        // The reader names the character by its code; people see a control character as nothing at all.
        if (message.Contains("is invalid within a JSON string", StringComparison.Ordinal))
            return $"The JSON cannot be read{where}: a control character (one that prints as nothing) is inside a piece of text. Take it out.";
        return $"The JSON cannot be read{where}: {(cut > 0 ? message[..cut] : message)}";
    }

    /// <summary>The compiled named values' types, and the values (and text) of those that are constants.</summary>
    private sealed class CompiledExpressions
    {
        public Dictionary<string, Type> Types { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, object?> Constants { get; } = new(StringComparer.Ordinal);

        /// <summary>Each named value in terms of the facts alone: a constant's literal, or the formula with the values it uses in place.</summary>
        public Dictionary<string, string> Inlined { get; } = new(StringComparer.Ordinal);

        /// <summary>Each rule, with the named values it uses in place, compiled as a test of the facts.</summary>
        public Dictionary<string, Func<object, bool>> Checks { get; } = new(StringComparer.Ordinal);

        /// <summary>The named values worked out from the facts, compiled.</summary>
        public Dictionary<string, Func<object, object?>> Derived { get; } = new(StringComparer.Ordinal);

        /// <summary>The characters of every value and rule written out so far: what the parser and compiler are given.</summary>
        public int WrittenOutLength { get; set; }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();

    // What a part of a rule file or its test cases is, in words, by the type it is read as.
    private static string KindOf(string type) => (type.Contains("Collections.Generic.List", StringComparison.Ordinal) ? "List"
        : type.Split(['.', '+', '[', ']'], StringSplitOptions.RemoveEmptyEntries).Last().Split('`')[0]) switch
    {
        nameof(NamedValueDocument) => "a value, written in braces with its Name and Expression",
        nameof(DatedExpressionDocument) => "a change, written in braces with its From date and Expression",
        nameof(RuleDocument) => "a rule, written in braces with its RuleName, Expression and ErrorMessage",
        nameof(RulePropertiesDocument) => "the rule's Properties, written in braces",
        nameof(RuleSetDocument) or nameof(RuleSetTestCasesDocument) => "the whole file, written in braces",
        nameof(RuleSetTestCase) => "a test case, written in braces with its Name, Facts and Expect",
        nameof(ExpectedDecision) => "what the case expects, written in braces with its Outcome",
        nameof(CaseBoundary) => "what the case is written against, in braces with its Value, Fact and Side",
        "List" => "a list in square brackets",
        "JsonObject" => "an object in braces",
        "String" => "text in quotes",
        "Boolean" => "true or false",
        "Decimal" or "Double" => "a number",
        "Int32" or "Int64" => "a whole number",
        "DateOnly" => "a date in quotes, like \"2027-04-01\"",
        _ => "something else",
    };

    [GeneratedRegex("could not be converted to ([^ ]+?)\\.( |$)")]
    private static partial Regex NotConverted();

    [GeneratedRegex("^The property or field '([^']+)' on type '[^']+' doesn't allow setting null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex("missing required properties including: (.+?)\\.")]
    private static partial Regex Missing();
}
