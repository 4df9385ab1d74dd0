namespace Connect2Luton.Application.Jobs;

/// <summary>What one nightly job does to the live placements, a batch at a time, run by <see cref="NightlyRunner"/>.</summary>
public interface INightlyReview
{
    string JobName { get; }

    /// <summary>The rule sets the check decides by: when the serving version of any changes, every placement is due again.</summary>
    IReadOnlyList<string> RuleSetNames { get; }

    /// <summary>
    /// Reviews the live placements in the range and saves what changed, as one unit of work. Throws if any one of
    /// them cannot be reviewed; the runner then reviews them one at a time, so one bad record does not stop the rest.
    /// </summary>
    Task<ReviewCounts> ReviewAsync(PlacementRange range, NightlyRun run, CancellationToken cancellationToken);

    /// <summary>After the scan: closes what no longer applies to placements that are no longer live.</summary>
    Task<ReviewCounts> TidyAsync(DateOnly today, CancellationToken cancellationToken);
}

/// <summary>
/// One batch of the scan: the placements with ids after <paramref name="AfterId"/>, up to and including
/// <paramref name="LastId"/>. Batches are id ranges so every read of a batch is a range of an index, not a list.
/// </summary>
public sealed record PlacementRange(int AfterId, int LastId)
{
    /// <summary>The placements of the range that are due (<see cref="INightlyDues"/>); null for every live one in it.</summary>
    public IReadOnlyList<int>? Due { get; init; }

    public static PlacementRange Only(int id) => new(id - 1, id);

    public bool Contains(int id) => id > AfterId && id <= LastId;
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
