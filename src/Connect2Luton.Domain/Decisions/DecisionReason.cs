namespace Connect2Luton.Domain.Decisions;

/// <summary>One rule's verdict within a decision: its name, whether it passed, and the message it gave.</summary>
/// <param name="Outcome">What failing the rule meant ("Refused", "NeedsException"), where it meant more than a message.</param>
public sealed record DecisionReason(string Rule, bool Passed, string Message, string? Outcome = null);
