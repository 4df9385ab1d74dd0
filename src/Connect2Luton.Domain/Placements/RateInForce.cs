namespace Connect2Luton.Domain.Placements;

/// <summary>A change to a placement's rate from a day, with the rate it replaced.</summary>
public sealed record RateChangeOn(DateOnly EffectiveFrom, decimal Previous);

/// <summary>
/// Which of a placement's rates was in force on a day, defined once: the earliest change after the day recorded the
/// rate it replaced, which held that day; with no change after it, the rate now holds. Costing a conversion,
/// the DfE return and (to come) each timesheet day are priced by it.
/// </summary>
public static class RateInForce
{
    public static decimal On(DateOnly day, decimal now, IEnumerable<RateChangeOn> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Where(c => c.EffectiveFrom > day).MinBy(c => c.EffectiveFrom)?.Previous ?? now;
    }
}
