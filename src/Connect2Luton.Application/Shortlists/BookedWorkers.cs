using System.Collections.Concurrent;
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
/// <remarks>
/// One set is kept for each period, replaced as it is brought up to date, and dropped once nobody has asked for it for
/// the caches' minute. Kept in the size-limited memory cache under a key for each placements' change count, as they
/// were, the sets of a few periods and their versions filled it: a new set was then not kept, every request read it
/// whole again (gigabytes a minute) and a shortlist beside a booking every few seconds stalled for seconds.
/// </remarks>
public sealed class BookedWorkers(ChangeCounters changes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(DateOnly From, DateOnly To), Kept> _periods = new();

    /// <summary>How many periods are kept now.</summary>
    public int Periods => _periods.Count;

    public async Task<BookedSet> GetAsync(DateOnly from, DateOnly to, IReadRepository<Placement> placements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var kept = _periods.GetOrAdd((from, to), _ => new Kept());
        Interlocked.Exchange(ref kept.AskedAt, clock.GetUtcNow().UtcTicks);
        // Counted before the database is read, so a placement saved while it is read is applied afterwards.
        var now = changes.Of<Placement>();
        if (kept.Current is { } current && current.Placements == now && Fresh(current.Set)) return current.Set;

        await kept.Gate.WaitAsync(cancellationToken);
        try
        {
            now = changes.Of<Placement>();
            if (kept.Current is { } done && done.Placements == now && Fresh(done.Set)) return done.Set;
            var set = await WorkOutAsync(from, to, kept.Current, now, placements, cancellationToken);
            kept.Current = new Version(set, now);
            return set;
        }
        finally
        {
            kept.Gate.Release();
            DropUnasked();
        }
    }

    private async Task<BookedSet> WorkOutAsync(
        DateOnly from, DateOnly to, Version? last, long now, IReadRepository<Placement> placements, CancellationToken cancellationToken)
    {
        if (last is { } before && Fresh(before.Set)
            && changes.TryChangedSince<Placement>(before.Placements, out var saved) && saved.Count <= ChangeCounters.MostIdsRemembered)
        {
            // The saved placements' workers are read again: booked over the period by any placement, or not.
            var workers = await placements.ListAsync(new WorkersOfPlacementsSpec([.. saved]), cancellationToken);
            var still = workers.Count == 0 ? [] : await placements.ListAsync(new WorkersBookedBetweenSpec(from, to, [.. workers.Distinct()]), cancellationToken);
            var updated = new HashSet<int>(before.Set.Workers);
            updated.ExceptWith(workers);
            updated.UnionWith(still);
            return before.Set with { Workers = updated };
        }
        return new BookedSet((await placements.ListAsync(new WorkersBookedBetweenSpec(from, to), cancellationToken)).ToHashSet(), clock.GetUtcNow());
    }

    private bool Fresh(BookedSet set) => clock.GetUtcNow() - set.ReadAt < SingleFlightCache.Lifetime;

    private void DropUnasked()
    {
        var before = (clock.GetUtcNow() - SingleFlightCache.Lifetime).UtcTicks;
        foreach (var (period, kept) in _periods)
        {
            if (Interlocked.Read(ref kept.AskedAt) < before && kept.Gate.CurrentCount == 1) _periods.TryRemove(new KeyValuePair<(DateOnly, DateOnly), Kept>(period, kept));
        }
    }

    // The set as last worked out, and the placements' change count it is up to date with.
    private sealed record Version(BookedSet Set, long Placements);

    private sealed class Kept
    {
#pragma warning disable CA1051 // a field, so it can be read and written whole by Interlocked from several requests at once
        public long AskedAt;
#pragma warning restore CA1051

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile Version? Current;
    }
}
