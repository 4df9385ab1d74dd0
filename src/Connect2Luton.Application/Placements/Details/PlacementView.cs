using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements.Details;

/// <summary>A placement as its page shows it: the terms, how it changed, and every rule decision behind it.</summary>
/// <param name="Parity">AWR pay parity due and not yet paid, as the rules say now, where the nightly check has flagged it.</param>
public sealed record PlacementView(
    int Id,
    int Version,
    PlacementStatus Status,
    int WorkerId,
    string Worker,
    string Supplier,
    int RequisitionId,
    string RequisitionTitle,
    string ServiceArea,
    string JobRole,
    PlacementRates Rates,
    decimal WeeklyHours,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    DateOnly? ActualEndDate,
    string? EndReason,
    string BookedBy,
    DateTimeOffset BookedAt,
    string? EndedBy,
    DateTimeOffset? EndedAt,
    int WeeksInPost,
    IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyList<CapExceptionView> CapExceptions,
    IReadOnlyList<RateChangeView> RateChanges,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<FlagView> Flags,
    bool CanChange,
    Domain.Placements.AwrPosition Awr,
    IReadOnlyList<BreakView> Breaks,
    PromptSummary? Prompt,
    IReadOnlyList<PlacementSignOffView> SignOffs,
    bool CanCallOff = false,
    string? ExternalReference = null,
    Timesheets.ParityDue? Parity = null)
{
    public bool HasStarted(DateOnly today) => StartDate <= today;
}

public sealed record ExtensionView(DateOnly PreviousEndDate, DateOnly NewEndDate, string Reason, string ApprovedBy, string RecordedBy, DateTimeOffset RecordedAt, long? DecisionId,
    ExtensionStatus Status = ExtensionStatus.InForce, string? SignedOff = null);

/// <summary>One post's sign-off of the placement's booking over its cap or an extension past the limit, and where it stands.</summary>
public sealed record PlacementSignOffView(int Id, SignOffSubject Subject, string Position, SignOffState State, string? DecidedByName, DateTimeOffset? DecidedAt, string? Note, DateOnly? ExtendTo);

public sealed record CapExceptionView(decimal PayRate, decimal ChargeRate, decimal Cap, decimal Measured, string Approvers, string Reason, string RecordedBy, DateTimeOffset RecordedAt, long? DecisionId);

public sealed record RateChangeView(decimal PreviousPayRate, decimal NewPayRate, decimal PreviousChargeRate, decimal NewChargeRate, DateOnly EffectiveFrom, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A rule decision as kept: which rule set, which version of its file, what it said and why, on what facts.</summary>
public sealed record DecisionView(long Id, string RuleSet, string Version, string Outcome, string DecidedBy, DateTimeOffset DecidedAt, IReadOnlyList<DecisionReason> Reasons, string InputsJson);

public sealed record FlagView(PlacementFlagKind Kind, string Message, DateOnly RaisedOn, DateOnly? ResolvedOn, string? Resolution);

/// <summary>A break recorded for the worker: the AWR clock reads these.</summary>
public sealed record BreakView(int Id, DateOnly From, DateOnly To, Domain.Workers.BreakReason Reason, string? Note, string RecordedBy);

/// <summary>The conversion prompt raised on the placement, if any.</summary>
public sealed record PromptSummary(int Id, Domain.Conversions.ConversionPromptStatus Status, DateOnly RaisedOn);
