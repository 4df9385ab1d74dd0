using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Connect2Luton.Application.Common.Caching;

/// <summary>
/// The memory cache with one worker per key: when an expensive answer is missing, the first request works it out
/// and the others wait for it, rather than all working it out at once. Keys include the change counters the
/// answer depends on, so a change makes a new key and the old entry simply ages out.
/// </summary>
public sealed class SingleFlightCache(IMemoryCache cache)
{
    /// <summary>How long an answer is trusted without a change counted here: the bound on seeing others' changes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

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
            cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = Math.Max(1, size(value)) });
            return value;
        }
        finally
        {
            gate.Release();
            // Gates for keys nobody is waiting on are dropped, so old keys do not pile up.
            if (gate.CurrentCount == 1) _gates.TryRemove(new KeyValuePair<string, SemaphoreSlim>(key, gate));
        }
    }
}
