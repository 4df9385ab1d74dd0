namespace Connect2Luton.Application.Jobs;

/// <summary>What one nightly job does to the live placements, a batch at a time, run by <see cref="NightlyRunner"/>.</summary>
public interface INightlyReview
{
    string JobName { get; }

    /// <summary>
    /// Reviews the given live placements and saves what changed, as one unit of work. Throws if any one of them
    /// cannot be reviewed; the runner then reviews them one at a time, so one bad record does not stop the rest.
    /// </summary>
    Task<ReviewCounts> ReviewAsync(IReadOnlyList<int> placementIds, DateOnly today, CancellationToken cancellationToken);

    /// <summary>After the scan: closes what no longer applies to placements that are no longer live.</summary>
    Task<ReviewCounts> TidyAsync(DateOnly today, CancellationToken cancellationToken);
}

/// <summary>What a batch changed.</summary>
public sealed record ReviewCounts(int Scanned, int FlagsRaised = 0, int FlagsResolved = 0, int PromptsRaised = 0)
{
    public static ReviewCounts None { get; } = new(0);

    public static ReviewCounts operator +(ReviewCounts left, ReviewCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Scanned + right.Scanned, left.FlagsRaised + right.FlagsRaised, left.FlagsResolved + right.FlagsResolved, left.PromptsRaised + right.PromptsRaised);
    }

    public static ReviewCounts Add(ReviewCounts left, ReviewCounts right) => left + right;
}
