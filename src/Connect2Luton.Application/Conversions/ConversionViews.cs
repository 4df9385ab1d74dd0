using Connect2Luton.Domain.Conversions;

namespace Connect2Luton.Application.Conversions;

/// <summary>A prompt as the list and its page show it, with the money and what has been done about it.</summary>
public sealed record ConversionPromptView(
    int Id,
    int Version,
    int PlacementId,
    int WorkerId,
    string Worker,
    string JobRole,
    string ServiceArea,
    ConversionPromptStatus Status,
    DateOnly RaisedOn,
    DateOnly? SnoozedUntil,
    IReadOnlyList<string> Reasons,
    ConversionCosts Costs,
    decimal? YearlySaving,
    DateOnly? PermanentStartDate,
    DateOnly PlacementStart,
    string? RuleSetVersion,
    IReadOnlyList<ConversionActionView> Actions,
    bool CanAct)
{
    public bool IsOpen => ConversionPrompt.IsOpenStatus(Status);
}

public sealed record ConversionActionView(ConversionPromptStatus Outcome, string? Note, string By, DateTimeOffset At);

/// <summary>Which prompts a list shows.</summary>
public enum ConversionShow
{
    /// <summary>Waiting on someone: open, offer made, snoozed.</summary>
    Open,
    Closed,
    All,
}
