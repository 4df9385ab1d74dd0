namespace Connect2Luton.Domain.Placements;

/// <summary>
/// What the nightly check can flag on a live placement; the thresholds are in the rules. The length rules raise all
/// but <see cref="PayParityDue"/>, which the pay-rate rules decide.
/// </summary>
public enum PlacementFlagKind
{
    /// <summary>The 12-week Agency Workers Regulations point is due soon.</summary>
    AwrQualifyingSoon,

    /// <summary>The worker has reached the AWR qualifying period: equal treatment applies.</summary>
    AwrQualified,

    /// <summary>In post past the review point (reviewMonths in the rules).</summary>
    DueForReview,

    /// <summary>In post past the long-running point (longRunningMonths in the rules).</summary>
    LongRunning,

    /// <summary>Booked past the longest length the rules allow, with no approved extension.</summary>
    OverLengthLimit,

    /// <summary>
    /// Within a fortnight of the AWR qualifying point (or past it), paid less than the pay-rate rules allow a worker
    /// past it: pay parity is due from that day.
    /// </summary>
    PayParityDue,
}
