using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Application.Common.Caching;

/// <summary>
/// The memory cache with one worker per key: when an expensive answer is missing, the first request works it out
/// and the others wait for it, rather than all working it out at once. Keys include the change counters the
/// answer depends on, so a change makes a new key and the old entry simply ages out.
/// </summary>
public sealed partial class SingleFlightCache(IMemoryCache cache, ILogger<SingleFlightCache> logger)
{
    /// <summary>How long an answer is trusted without a change counted here: the bound on seeing others' changes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private long _warnedAt;

    /// <summary>An answer kept under the key, if it still is.</summary>
    public bool TryGet<T>(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) => cache.TryGetValue(key, out value) && value is not null;

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute, Func<T, long> size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(size);
        if (cache.TryGetValue(key, out T? found)) return found!;

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(key, out found)) return found!;
            var value = await compute();
            var units = Math.Max(1, size(value));
            cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = units });
            // A full cache refuses the entry without a word, and every request then works the answer out again: what
            // stalled the shortlist under load until its large answers moved out (KeptAnswers). Said, so it is seen.
            if (!cache.TryGetValue(key, out _) && OncePerLifetime()) LogNotKept(logger, key, units);
            return value;
        }
        finally
        {
            gate.Release();
            // Gates for keys nobody is waiting on are dropped, so old keys do not pile up.
            if (gate.CurrentCount == 1) _gates.TryRemove(new KeyValuePair<string, SemaphoreSlim>(key, gate));
        }
    }

    // Once a minute at most: a full cache is refused on every request, and the log would be flooded with it.
    private bool OncePerLifetime()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _warnedAt);
        return (last == 0 || now - last >= (long)Lifetime.TotalMilliseconds) && Interlocked.CompareExchange(ref _warnedAt, now, last) == last;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The memory cache is full: the answer for {Key} ({Units} units) was not kept, and the next request works it out again")]
    private static partial void LogNotKept(ILogger logger, string key, long units);
}
