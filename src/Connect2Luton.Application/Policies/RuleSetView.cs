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

/// <summary>
/// A named value as its rule file has it. One with a <see cref="Type"/> whose value and changes are each in that
/// type's form is set by officers, shown and typed as HR writes it (£45.00, 12.07%, 26 weeks); any other is worked
/// out from the facts and other values, and shown as what it is, not as a field.
/// </summary>
/// <param name="Expression">The value as first written: it holds until the first of <paramref name="Changes"/>.</param>
/// <param name="Label">What pages call it; where the file gives none, its name in words.</param>
public sealed record NamedValueView(string Name, string Expression, string? Description, IReadOnlyList<DatedExpression> Changes,
    string? Label = null, string? Type = null, string? Unit = null)
{
    /// <summary>The expression in force on a day: the last change from on or before it, else the value as first written.</summary>
    public string ExpressionOn(DateOnly day) => Changes.LastOrDefault(c => c.From <= day)?.Expression ?? Expression;

    /// <summary>The changes still to come after a day, earliest first.</summary>
    public IReadOnlyList<DatedExpression> ComingAfter(DateOnly day) => [.. Changes.Where(c => c.From > day)];

    /// <summary>What every page calls the value.</summary>
    public string Called => string.IsNullOrWhiteSpace(Label) ? RuleSets.Values.CodeWords.Of(Name) : Label;

    /// <summary>The type an officer sets it as; null for a value worked out from others, or one not in its declared type's form.</summary>
    public RuleSets.Values.ValueKind? SetAs =>
        Type is not null && RuleSets.Values.ValueKinds.Of(Type, Unit).Type is { } type
            && type.Show(Expression) is not null && Changes.All(c => type.Show(c.Expression) is not null)
            ? type
            : null;
}

/// <summary>A named value's new expression from a day.</summary>
public sealed record DatedExpression(DateOnly From, string Expression);

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
/// <param name="Choices">For a fact holding one of a list of names (a job family), each choice in words; null for any other.</param>
public sealed record FactView(string Name, string Type, string Description, IReadOnlyList<FactChoice>? Choices = null);
