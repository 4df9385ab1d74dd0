using System.Collections.Concurrent;

namespace Connect2Luton.Application.Common.Caching;

/// <summary>
/// Large answers kept one for each key, outside the size-limited memory cache, each with the change count it is up to
/// date with. A change makes the next request bring the answer up to date from the last one (from the few records
/// saved since) rather than work it out whole; the answer is worked out whole again once it was last read whole over
/// the caches' minute ago (for other nodes' changes), and dropped once nobody has asked for it for a minute. One
/// request works an answer out while the others asking for it wait.
/// </summary>
/// <remarks>
/// Kept in the memory cache under a key for each change count, a few large answers and their versions filled it: a new
/// answer was then not kept, and every request worked it out whole again.
/// </remarks>
public sealed class KeptAnswers<TKey, TValue>(TimeProvider clock)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    /// <summary>How many answers are kept now.</summary>
    public int Count => _entries.Count;

    /// <param name="version">The change count the answer depends on, read before the database is (so a change made meanwhile is applied next time).</param>
    /// <param name="workOut">
    /// Works the answer out: from the last one and the change count it was up to date with, where there is one read
    /// whole within the minute, or whole (given null); says whether it read it whole.
    /// </param>
    public async Task<TValue> GetAsync(TKey key, Func<long> version, Func<Kept?, long, Task<(TValue Value, bool ReadWhole)>> workOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(workOut);
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        Interlocked.Exchange(ref entry.AskedAt, clock.GetUtcNow().UtcTicks);
        if (entry.Current is { } current && current.Version == version() && Fresh(current)) return current.Value;

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = version();
            if (entry.Current is { } done && done.Version == now && Fresh(done)) return done.Value;
            var last = entry.Current is { } kept && Fresh(kept) ? kept : null;
            var (value, whole) = await workOut(last, now);
            entry.Current = new Kept(value, now, whole || last is null ? clock.GetUtcNow() : last.ReadAt);
            return value;
        }
        finally
        {
            entry.Gate.Release();
            DropUnasked();
        }
    }

    private bool Fresh(Kept kept) => clock.GetUtcNow() - kept.ReadAt < SingleFlightCache.Lifetime;

    private void DropUnasked()
    {
        var before = (clock.GetUtcNow() - SingleFlightCache.Lifetime).UtcTicks;
        foreach (var (key, entry) in _entries)
        {
            if (Interlocked.Read(ref entry.AskedAt) < before && entry.Gate.CurrentCount == 1) _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }
    }

    /// <summary>An answer, the change count it is up to date with, and when it was last worked out whole.</summary>
    public sealed record Kept(TValue Value, long Version, DateTimeOffset ReadAt);

    private sealed class Entry
    {
#pragma warning disable CA1051 // fields, so they are read and written whole by several requests at once
        public long AskedAt;
        public volatile Kept? Current;
#pragma warning restore CA1051

        public SemaphoreSlim Gate { get; } = new(1, 1);
    }
}
