using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Placements;

/// <summary>A change to a live placement's rates, kept so spend and the DfE return can be traced back.</summary>
public sealed class PlacementRateChange : Entity
{
    private PlacementRateChange() { Reason = RecordedBy = string.Empty; }

    internal PlacementRateChange(PlacementRates previous, PlacementRates next, DateOnly effectiveFrom, string reason, string by, DateTimeOffset at)
    {
        PreviousPayRate = previous.PayRate;
        PreviousChargeRate = previous.ChargeRate;
        NewPayRate = next.PayRate;
        NewChargeRate = next.ChargeRate;
        EffectiveFrom = effectiveFrom;
        Reason = Guard.Required(reason, Limits.Reason, "The reason for the rate change");
        RecordedBy = Guard.Required(by, Limits.Actor);
        RecordedAt = at;
    }

    public int PlacementId { get; private set; }
    public decimal PreviousPayRate { get; private set; }
    public decimal PreviousChargeRate { get; private set; }
    public decimal NewPayRate { get; private set; }
    public decimal NewChargeRate { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public string Reason { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
