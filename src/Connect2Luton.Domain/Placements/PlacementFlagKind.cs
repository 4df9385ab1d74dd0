namespace Connect2Luton.Domain.Placements;

/// <summary>What the nightly length check can flag on a live placement; the thresholds are in the rules.</summary>
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
}
