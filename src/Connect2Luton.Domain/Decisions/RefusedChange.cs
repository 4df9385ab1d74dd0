namespace Connect2Luton.Domain.Decisions;

/// <summary>A change someone asked for that a rule set refused, so nothing but the decision was kept.</summary>
public enum RefusedChange
{
    Booking,
    Extension,
}
