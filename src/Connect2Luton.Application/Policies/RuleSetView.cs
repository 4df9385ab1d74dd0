namespace Connect2Luton.Application.Policies;

/// <summary>A rule set as officers read it: what it is for, its named values, its rules, and the facts rules can use.</summary>
/// <param name="FailureOutcomes">What failing one of its rules may mean, least severe first; none where rules only award tiers and points.</param>
/// <param name="OutcomesNeedingApprovers">The failure outcomes that allow an exception, signed off by the rule's approvers.</param>
public sealed record RuleSetView(
    RuleSetStatus Status,
    string? Description,
    IReadOnlyList<NamedValueView> NamedValues,
    IReadOnlyList<RuleView> Rules,
    IReadOnlyList<FactView> Facts,
    IReadOnlyList<string> FailureOutcomes,
    IReadOnlyList<string> OutcomesNeedingApprovers);

/// <param name="Expression">The value as first written: it holds until the first of <paramref name="Changes"/>.</param>
public sealed record NamedValueView(string Name, string Expression, string? Description, IReadOnlyList<DatedExpression> Changes);

/// <summary>A named value's new expression from a day.</summary>
public sealed record DatedExpression(DateOnly From, string Expression)
{
    public static string? InWords(IReadOnlyList<DatedExpression> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Count == 0
            ? null
            : $"{(changes[0].From > DateOnly.MinValue ? $"Until {changes[0].From.AddDays(-1):d MMMM yyyy}. " : string.Empty)}{string.Join(" ", changes.Select(c => $"From {c.From:d MMMM yyyy}: {c.Expression}."))}";
    }
}

public sealed record RuleView(
    string Name,
    string Expression,
    string? Description,
    bool Enabled,
    string? PassMessage,
    string FailMessage,
    string? Outcome,
    string? Approvers,
    string? Flag,
    string? Tier,
    string? Points,
    string? AppliesWhen);

/// <summary>A fact a rule can read as input.Name, with its type and meaning, taken from the fact record itself.</summary>
public sealed record FactView(string Name, string Type, string Description);
