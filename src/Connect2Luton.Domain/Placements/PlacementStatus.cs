namespace Connect2Luton.Domain.Placements;

public enum PlacementStatus
{
    /// <summary>Booked and not yet ended; "live" once its start date has come.</summary>
    Active,
    Ended,
    Converted,

    /// <summary>Called off before it started.</summary>
    Cancelled,
}
