using System.Diagnostics.CodeAnalysis;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Domain.Placements;

/// <summary>A rate allowed above its cap, on the register with its approvers, reason and the decision behind it.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "\"Cap exception\" is the users' word for it; it is not an Exception.")]
public sealed class CapException : Entity
{
    private CapException() { Approvers = Reason = RecordedBy = string.Empty; }

    internal CapException(decimal payRate, decimal chargeRate, CapExceptionApproval approval, RuleDecision? decision, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(approval);
        PayRate = Guard.Positive(payRate, "The pay rate");
        ChargeRate = Guard.NotNegative(chargeRate, "The charge rate");
        Cap = Guard.NotNegative(approval.Cap, "The cap");
        Measured = Guard.NotNegative(approval.Measured, "The measured rate");
        if (Measured <= Cap) throw new DomainRuleException("A cap exception is only recorded for a rate above its cap.");
        Approvers = Guard.Required(approval.Approvers, Limits.Reason, "The approver");
        Reason = Guard.Required(approval.Reason, Limits.Reason, "The reason for the exception");
        Decision = decision;
        RecordedBy = Guard.Required(by, Limits.Actor);
        RecordedAt = at;
    }

    public int PlacementId { get; private set; }
    public decimal PayRate { get; private set; }
    public decimal ChargeRate { get; private set; }
    public decimal Cap { get; private set; }

    /// <summary>The figure the cap applies to, which went over it.</summary>
    public decimal Measured { get; private set; }
    public string Approvers { get; private set; }
    public string Reason { get; private set; }
    public long? DecisionId { get; private set; }
    public RuleDecision? Decision { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
