using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// One rule of the draft in its form: what it checks, its messages, its description, whether it is on, and a box
/// to take it out. <see cref="Shown"/> fingerprints what the fields showed, so fields posted untouched leave alone
/// anything the officer changed in the rule file's text meanwhile.
/// </summary>
public sealed class RuleFields
{
    public string? Expression { get; set; }
    public string? ErrorMessage { get; set; }
    public string? SuccessEvent { get; set; }
    public string? Description { get; set; }
    public bool Enabled { get; set; }
    public bool Remove { get; set; }
    public string? Shown { get; set; }

    public static RuleFields Of(RuleText rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RuleFields
        {
            Expression = rule.Expression,
            ErrorMessage = rule.ErrorMessage,
            SuccessEvent = rule.SuccessEvent,
            Description = rule.Description,
            Enabled = rule.Enabled,
            Shown = FingerprintOf(rule),
        };
    }

    public RuleText ToRule(string name) =>
        new(name, Typed(Expression), Typed(ErrorMessage), Optional(SuccessEvent), Optional(Description), Enabled);

    /// <summary>What a rule's fields hold, as a short hash (<see cref="RuleDraftEditor.FingerprintOf"/>).</summary>
    public static string FingerprintOf(RuleText rule) => RuleDraftEditor.FingerprintOf(rule);

    private static string Typed(string? text) => (text ?? string.Empty).ReplaceLineEndings("\n").Trim();

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Typed(text);
}

/// <summary>A rule to add, as typed; left empty, nothing is added.</summary>
public sealed class NewRuleForm
{
    public string? Name { get; set; }
    public string? Expression { get; set; }
    public string? ErrorMessage { get; set; }
    public string? SuccessEvent { get; set; }
    public string? Description { get; set; }
    public string? Outcome { get; set; }
    public string? Approvers { get; set; }

    public bool IsEmpty =>
        new[] { Name, Expression, ErrorMessage, SuccessEvent, Description, Outcome, Approvers }.All(string.IsNullOrWhiteSpace);
}
