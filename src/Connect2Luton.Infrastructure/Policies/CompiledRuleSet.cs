using System.Collections.Frozen;
using RulesEngine.Models;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>A rule set that has passed every check: ready to serve.</summary>
internal sealed class CompiledRuleSet
{
    public required RuleSetDefinition Definition { get; init; }
    public required RuleSetDocument Document { get; init; }

    /// <summary>The file exactly as read, kept so a rollback or a diff works on what officers wrote.</summary>
    public required string Json { get; init; }

    public required string? TestCasesJson { get; init; }

    /// <summary>SHA-256 of the file's bytes, in hex: the version every decision records.</summary>
    public required string Version { get; init; }

    /// <summary>SHA-256 of the file and its test cases together: what an officer's save must have started from.</summary>
    public string Revision => _revision ??= RevisionOf(Json, TestCasesJson);

    public static string RevisionOf(string json, string? testCasesJson) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes($"{json}\u0000{testCasesJson}")));

    private string? _revision;

    /// <summary>The first day these values are in force; null for the values as first written, before any change.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The same rules with the values in force from each later day a named value changes, earliest first.</summary>
    public IReadOnlyList<CompiledRuleSet> Later { get; set; } = [];

    /// <summary>The days named values change on, earliest first.</summary>
    public IEnumerable<DateOnly> ChangeDays => Later.Select(p => p.From!.Value);

    /// <summary>The rules with the values in force on a day.</summary>
    public CompiledRuleSet InForceOn(DateOnly day)
    {
        var inForce = this;
        foreach (var period in Later)
        {
            if (period.From > day) break;
            inForce = period;
        }
        return inForce;
    }

    /// <summary>The rules with the values in force on the day the facts are about.</summary>
    public CompiledRuleSet InForceFor(object facts) =>
        Later.Count > 0 && facts is Application.Policies.IDatedFacts dated ? InForceOn(dated.AsOf) : this;

    /// <summary>The rules as a RulesEngine workflow: checked by the engine at load, and run on every test case.</summary>
    public required Workflow Workflow { get; init; }

    /// <summary>Named values that are constants, written into the rules' expressions; reported from here.</summary>
    public required IReadOnlyDictionary<string, object?> Constants { get; init; }

    /// <summary>Every named value, the others each compiled as a function of the facts, for what a decision reports.</summary>
    public required NamedValueTable NamedValues { get; init; }
    public required FrozenDictionary<string, CompiledRule> Rules { get; init; }

    /// <summary>The rules that are on, in file order: the order they are decided and reported in.</summary>
    public required IReadOnlyList<CompiledRule> InOrder { get; init; }

    /// <summary>Facts to decide once before the set serves, so no user waits for the first call to be jitted.</summary>
    public required IReadOnlyList<object> WarmUpFacts { get; init; }

    public required IReadOnlyList<CompiledTestCase> TestCases { get; init; }

    /// <summary>How long the rule set took to check and how large it is written out: its distance from the bounds.</summary>
    public CompileFigures Figures { get; set; } = CompileFigures.None;

    public string Name => Definition.Name;
}

/// <summary>What compiling a rule set cost, against the bounds the compiler holds every rule set to.</summary>
internal sealed record CompileFigures(TimeSpan Elapsed, int WrittenOutLength, int DeepestNesting, int MostParts)
{
    public static CompileFigures None { get; } = new(TimeSpan.Zero, 0, 0, 0);
}

/// <summary>A rule with what the decision needs from it, worked out once when the rule set loads.</summary>
internal sealed record CompiledRule(
    string Name,
    Func<object, bool> Check,
    string? Outcome,
    string? Flag,
    string? Approvers,
    string? Tier,
    string? PointsValue,
    int? PointsLiteral,
    string? AppliesWhen,
    string? Cap,
    string? Measures,
    IReadOnlyList<string> Figures,
    MessageTemplate PassMessage,
    MessageTemplate FailMessage);

internal sealed record CompiledTestCase(string Name, object Facts, ExpectedDecision Expect, CaseBoundary? Against = null);

/// <summary>The bounds on a rule's preference points: a hundred rules at the most cannot overflow a shortlist's sum.</summary>
internal static class RulePoints
{
    public const int Most = 1_000;
}
