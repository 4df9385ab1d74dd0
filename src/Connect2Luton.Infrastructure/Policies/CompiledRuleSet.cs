using System.Collections.Frozen;
using RulesEngine.Models;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>A rule set that has passed every check: ready to go into the serving engine.</summary>
internal sealed class CompiledRuleSet
{
    public required RuleSetDefinition Definition { get; init; }
    public required RuleSetDocument Document { get; init; }

    /// <summary>The file exactly as read, kept so a rollback or a diff works on what officers wrote.</summary>
    public required string Json { get; init; }

    public required string? TestCasesJson { get; init; }

    /// <summary>SHA-256 of the file's bytes, in hex: the version every decision records.</summary>
    public required string Version { get; init; }

    public required Workflow Workflow { get; init; }

    /// <summary>Named values that are constants, written into the engine's expressions; reported from here.</summary>
    public required IReadOnlyDictionary<string, object?> Constants { get; init; }

    /// <summary>Every named value, the others each compiled as a function of the facts, for what a decision reports.</summary>
    public required NamedValueTable NamedValues { get; init; }
    public required FrozenDictionary<string, CompiledRule> Rules { get; init; }

    /// <summary>Facts to run through the engine once before it serves, so no user waits for it to compile.</summary>
    public required IReadOnlyList<object> WarmUpFacts { get; init; }

    public required IReadOnlyList<CompiledTestCase> TestCases { get; init; }

    public string Name => Definition.Name;
}

/// <summary>A rule with what the decision needs from it, worked out once when the rule set loads.</summary>
internal sealed record CompiledRule(
    string Name,
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

internal sealed record CompiledTestCase(string Name, object Facts, ExpectedDecision Expect);
