using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Domain.Conversions;

/// <summary>
/// A nudge, raised nightly by the conversion rules, to offer a placed worker a permanent post; with the decision
/// that raised it (whose passed rules are the reasons), the money, and what people did about it.
/// </summary>
public sealed class ConversionPrompt : AggregateRoot
{
    private readonly List<ConversionPromptAction> _actions = [];

    private ConversionPrompt() { Costs = null!; Decision = null!; }

    public ConversionPrompt(int placementId, int workerId, int serviceAreaId, ConversionCosts costs, RuleDecision decision, DateOnly raisedOn, DateTimeOffset raisedAt)
    {
        PlacementId = Guard.Reference(placementId, "The placement");
        WorkerId = Guard.Reference(workerId, "The worker");
        ServiceAreaId = Guard.Reference(serviceAreaId, "The service area");
        Costs = costs ?? throw new ArgumentNullException(nameof(costs));
        Decision = decision ?? throw new ArgumentNullException(nameof(decision));
        RaisedOn = raisedOn;
        RaisedAt = raisedAt;
        Status = ConversionPromptStatus.Open;
    }

    public int PlacementId { get; private set; }
    public int WorkerId { get; private set; }
    public int ServiceAreaId { get; private set; }
    public ConversionCosts Costs { get; private set; }

    /// <summary>The latest decision that the worker should be offered a permanent post: the one that raised or woke the prompt.</summary>
    public long DecisionId { get; private set; }
    public RuleDecision Decision { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public ConversionPromptStatus Status { get; private set; }
    public DateOnly? SnoozedUntil { get; private set; }
    public DateOnly? PermanentStartDate { get; private set; }

    /// <summary>The yearly saving booked when the worker converted: agency cost less permanent cost.</summary>
    public decimal? YearlySaving { get; private set; }

    public IReadOnlyCollection<ConversionPromptAction> Actions => _actions.AsReadOnly();

    /// <summary>Still waiting on someone: a closed prompt (declined, not suitable, converted, lapsed) never comes back.</summary>
    public bool IsOpen => IsOpenStatus(Status);

    public static bool IsOpenStatus(ConversionPromptStatus status) =>
        status is ConversionPromptStatus.Open or ConversionPromptStatus.OfferMade or ConversionPromptStatus.Snoozed;

    /// <summary>Snoozed, and the day it was snoozed until has come.</summary>
    public bool SnoozeEndsBy(DateOnly today) => SnoozeEnds(Status, SnoozedUntil, today);

    public static bool SnoozeEnds(ConversionPromptStatus status, DateOnly? snoozedUntil, DateOnly today) =>
        status == ConversionPromptStatus.Snoozed && snoozedUntil <= today;

    public void RecordOfferMade(string? note, string by, DateTimeOffset at) =>
        Act(ConversionPromptStatus.OfferMade, note, by, at);

    public void RecordDeclined(string? note, string by, DateTimeOffset at) =>
        Act(ConversionPromptStatus.Declined, note, by, at);

    public void RecordNotSuitable(string reason, string by, DateTimeOffset at) =>
        Act(ConversionPromptStatus.NotSuitable, Guard.Required(reason, Limits.Reason, "The reason"), by, at);

    public void Snooze(DateOnly until, DateOnly today, string? note, string by, DateTimeOffset at)
    {
        if (until <= today) throw new DomainRuleException("A prompt can only be snoozed until a later date.");
        Act(ConversionPromptStatus.Snoozed, note, by, at);
        SnoozedUntil = until;
    }

    public void RecordConverted(DateOnly permanentStart, string by, DateTimeOffset at)
    {
        Act(ConversionPromptStatus.Converted, $"Permanent post starts {permanentStart:d MMMM yyyy}", by, at);
        PermanentStartDate = permanentStart;
        YearlySaving = Costs.YearlySaving;
    }

    /// <summary>The snooze is over: the prompt is open again, with the decision that found it still applies and the latest money.</summary>
    public void Wake(RuleDecision decision, ConversionCosts costs, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(costs);
        if (Status != ConversionPromptStatus.Snoozed) throw new DomainRuleException("Only a snoozed prompt can be woken.");
        Act(ConversionPromptStatus.Open, $"Snoozed until {SnoozedUntil:d MMMM yyyy}: back for a decision", by, at);
        Decision = decision;
        Costs = costs;
    }

    /// <summary>The placement ended with the prompt still open.</summary>
    public void Lapse(string why, string by, DateTimeOffset at) =>
        Act(ConversionPromptStatus.Lapsed, Guard.Required(why, Limits.Reason, "Why the prompt lapsed"), by, at);

    private void Act(ConversionPromptStatus outcome, string? note, string by, DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainRuleException($"This prompt is closed ({Status}); raise a new one if things have changed.");
        _actions.Add(new ConversionPromptAction(outcome, note, by, at));
        Status = outcome;
        SnoozedUntil = null;
    }
}
