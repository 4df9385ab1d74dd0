using System.Collections.Concurrent;
using System.Globalization;
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
public sealed class BookedWorkers(SingleFlightCache cache, ChangeCounters changes, TimeProvider clock)
{
    // The placements' change count each period was last worked out at, to find its set in the cache.
    private readonly ConcurrentDictionary<(DateOnly, DateOnly), long> _last = new();

    public async Task<BookedSet> GetAsync(DateOnly from, DateOnly to, IReadRepository<Placement> placements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placements);
        // Counted before the database is read, so a placement saved while it is read is applied afterwards.
        var now = changes.Of<Placement>();
        var booked = await cache.GetAsync(Key(from, to, now), () => WorkOutAsync(from, to, now, placements, cancellationToken), b => b.Workers.Count, cancellationToken);
        _last.AddOrUpdate((from, to), now, (_, kept) => Math.Max(kept, now));
        return booked;
    }

    private async Task<BookedSet> WorkOutAsync(DateOnly from, DateOnly to, long now, IReadRepository<Placement> placements, CancellationToken cancellationToken)
    {
        if (_last.TryGetValue((from, to), out var last) && last < now
            && cache.TryGet<BookedSet>(Key(from, to, last), out var before) && clock.GetUtcNow() - before.ReadAt < SingleFlightCache.Lifetime
            && changes.TryChangedSince<Placement>(last, out var saved) && saved.Count <= ChangeCounters.MostIdsRemembered)
        {
            // The saved placements' workers are read again: booked over the period by any placement, or not.
            var workers = await placements.ListAsync(new WorkersOfPlacementsSpec([.. saved]), cancellationToken);
            var still = workers.Count == 0 ? [] : await placements.ListAsync(new WorkersBookedBetweenSpec(from, to, [.. workers.Distinct()]), cancellationToken);
            var updated = new HashSet<int>(before.Workers);
            updated.ExceptWith(workers);
            updated.UnionWith(still);
            return before with { Workers = updated };
        }
        return new BookedSet((await placements.ListAsync(new WorkersBookedBetweenSpec(from, to), cancellationToken)).ToHashSet(), clock.GetUtcNow());
    }

    private static string Key(DateOnly from, DateOnly to, long placements) =>
        string.Create(CultureInfo.InvariantCulture, $"booked|{from:yyyy-MM-dd}|{to:yyyy-MM-dd}|{placements}");
}
