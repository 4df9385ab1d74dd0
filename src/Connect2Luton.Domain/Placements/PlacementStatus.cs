namespace Connect2Luton.Domain.Placements;

public enum PlacementStatus
{
    /// <summary>Booked and not yet ended; "live" once its start date has come.</summary>
    Active,
    Ended,
    Converted,

    /// <summary>Called off before it started (or declined at sign-off).</summary>
    Cancelled,

    /// <summary>Booked over its cap, and waiting for the posts the rule names to sign it off before it starts.</summary>
    AwaitingSignOff,
}
