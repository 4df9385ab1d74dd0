namespace Connect2Luton.Application.RuleSets;

/// <summary>A rule of a draft as its form fields show it: what it checks, its messages, what it is for, and whether it is on.</summary>
public sealed record RuleText(string Name, string Expression, string ErrorMessage, string? SuccessEvent, string? Description, bool Enabled);

/// <summary>A rule an officer adds through its form, appended after the draft's last rule.</summary>
/// <param name="Outcome">What failing it means (e.g. Refused); none for rules that only award points or raise a flag.</param>
/// <param name="Approvers">Who must sign off, for an outcome that allows an exception.</param>
public sealed record NewRule(string Name, string Expression, string ErrorMessage, string? SuccessEvent, string? Description, string? Outcome, string? Approvers);

/// <summary>Changes made to a draft's rules through their forms: each is made in place in the text, leaving the rest as it was.</summary>
public sealed record RuleChanges(IReadOnlyList<RuleText> Changed, IReadOnlyList<string> Removed, NewRule? Added)
{
    public bool Any => Changed.Count > 0 || Removed.Count > 0 || Added is not null;
}
