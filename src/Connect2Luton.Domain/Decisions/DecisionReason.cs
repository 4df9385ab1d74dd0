namespace Connect2Luton.Domain.Decisions;

/// <summary>One rule's verdict within a decision: its name, whether it passed, and the message it gave.</summary>
public sealed record DecisionReason(string Rule, bool Passed, string Message);
