using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Shortlists;

/// <summary>Who is booked for any part of a period, as read at <see cref="ReadAt"/> and brought up to date since.</summary>
public sealed record BookedSet(IReadOnlySet<int> Workers, DateTimeOffset ReadAt);

/// <summary>
/// Who is booked for any part of a requisition's dates, shown as busy on its shortlist. At a national scale a
/// period's set is over 100,000 workers, read in about 150 ms; a booking (or any placement saved here) is applied to
/// the set as last read by reading the saved placements' workers alone, so a shortlist open while people book does
/// not read the whole set again after each booking. A set is read whole again after the caches' minute, for changes
/// made on another node.
/// </summary>
public sealed class BookedWorkers(ChangeCounters changes, TimeProvider clock)
{
    // One set for each period, replaced as it is brought up to date (see KeptAnswers for why not the memory cache).
    private readonly KeptAnswers<(DateOnly From, DateOnly To), BookedSet> _periods = new(clock);

    /// <summary>How many periods are kept now.</summary>
    public int Periods => _periods.Count;

    public Task<BookedSet> GetAsync(DateOnly from, DateOnly to, IReadRepository<Placement> placements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placements);
        return _periods.GetAsync((from, to), changes.Of<Placement>, (last, _) => WorkOutAsync(from, to, last, placements, cancellationToken), cancellationToken);
    }

    private async Task<(BookedSet, bool)> WorkOutAsync(
        DateOnly from, DateOnly to, KeptAnswers<(DateOnly, DateOnly), BookedSet>.Kept? last, IReadRepository<Placement> placements, CancellationToken cancellationToken)
    {
        if (last is not null && changes.TryChangedSince<Placement>(last.Version, out var saved) && saved.Count <= ChangeCounters.MostIdsRemembered)
        {
            // The saved placements' workers are read again: booked over the period by any placement, or not.
            var workers = await placements.ListAsync(new WorkersOfPlacementsSpec([.. saved]), cancellationToken);
            var still = workers.Count == 0 ? [] : await placements.ListAsync(new WorkersBookedBetweenSpec(from, to, [.. workers.Distinct()]), cancellationToken);
            var updated = new HashSet<int>(last.Value.Workers);
            updated.ExceptWith(workers);
            updated.UnionWith(still);
            return (last.Value with { Workers = updated }, false);
        }
        return (new BookedSet((await placements.ListAsync(new WorkersBookedBetweenSpec(from, to), cancellationToken)).ToHashSet(), clock.GetUtcNow()), true);
    }
}
