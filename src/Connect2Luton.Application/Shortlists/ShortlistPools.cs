using System.Collections.Concurrent;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Domain.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Application.Shortlists;

/// <summary>
/// The ranked pool of each job family, kept for the life of the app and brought up to date rather than ranked
/// again. A worker saved here is re-ranked alone on the next request (read by id and merged in order). A change
/// whose workers are not known (a bulk import, or more than the last changes remembered) and a pool older than
/// the caches' minute (which other nodes' and scripts' changes need) are checked off the request path, the last
/// ranking served meanwhile: the family's record versions are read (a tenth of a second for 200,000) and the
/// workers whose version moved re-ranked alone, or, where more than 2,000 moved, the pool ranked whole. A new basis (the rules, the day or a supplier changed) is ranked off the request path too, the
/// ranking under the last basis served until it is done (seconds, for a pool of 100,000), except for a pool small
/// enough to rank in a few milliseconds; only the first request for a family ranks a large pool on the request.
/// </summary>
public sealed partial class ShortlistPools(ChangeCounters changes, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ShortlistPools> logger)
{
    /// <summary>More changed workers than this are ranked again whole, off the request path.</summary>
    public const int MostReRankedOnARequest = 2_000;

    /// <summary>A pool of up to this many is ranked under a new basis on the request; a larger one off it.</summary>
    public const int MostRankedWholeOnARequest = 2_000;

    private readonly ConcurrentDictionary<string, RankedPool> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    // The pools being ranked again in the background: one ranking of a pool at a time.
    private readonly ConcurrentDictionary<string, bool> _refreshing = new(StringComparer.Ordinal);
    // The basis each pool was last asked for under: a ranking under any other is out of date when it is done.
    private readonly ConcurrentDictionary<string, string> _bases = new(StringComparer.Ordinal);

    /// <summary>The pools as ranked now, one for each job family (and DfE or not) asked for since the app started.</summary>
    public IReadOnlyCollection<RankedPool> Ranked => [.. _pools.Values];

    public async Task<RankedPool> GetAsync(PoolRequest request, ShortlistRanking ranking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ranking);
        var key = request.Key;
        _bases[key] = request.Basis;
        RankedPool? pool;
        if (_pools.TryGetValue(key, out var served) && served.Request.Basis != request.Basis && served.Candidates.Count > MostRankedWholeOnARequest)
        {
            // Served as ranked under the last basis until the ranking under the new one is done; workers saved
            // meanwhile are still merged in below, under the basis the pool was ranked under.
            RefreshInBackground(request);
            pool = served;
        }
        else if (!_pools.TryGetValue(key, out pool) || pool.Request.Basis != request.Basis)
        {
            var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (!_pools.TryGetValue(key, out pool) || pool.Request.Basis != request.Basis)
                {
                    // Counted before the workers are read, so a change made while they are read is applied afterwards.
                    pool = await ranking.RankAsync(request, changes.Of<Worker>(), cancellationToken);
                    _pools[key] = pool;
                }
            }
            finally
            {
                gate.Release();
            }
        }

        var workers = changes.Of<Worker>();
        var stale = clock.GetUtcNow() - pool.RankedAt > SingleFlightCache.Lifetime;
        if (pool.Workers < workers)
        {
            // One request merges a save in while the others asking meanwhile wait for it: each merge copies the
            // pool's order (tens of milliseconds at 200,000), and sixteen at once after every save took the cores.
            var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                // A request that held the gate before this one may have merged the save in already.
                if (_pools.TryGetValue(key, out var kept) && kept.Request.Basis == pool.Request.Basis && kept.Workers > pool.Workers) pool = kept;
                if (pool.Workers < workers)
                {
                    if (changes.TryChangedSince<Worker>(pool.Workers, out var changed) && changed.Count <= MostReRankedOnARequest)
                    {
                        var updated = await ranking.UpdateAsync(pool, changed, pool.Request, workers, cancellationToken);
                        Keep(key, updated);
                        pool = updated;
                    }
                    else
                    {
                        stale = true;
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }
        // Whether or not this node's changes were merged in, a pool last checked whole over a minute ago is checked
        // again, for the changes only the database knows of (another node's, a script's).
        if (stale) RefreshInBackground(request);
        return pool;
    }

    // A pool replaces the one kept if it is under the basis last asked for, and the one kept is not under it too and
    // further on (brought up to date past it): a ranking finished under an older basis never replaces a newer one.
    private void Keep(string key, RankedPool pool) =>
        _pools.AddOrUpdate(key, pool, (_, stored) =>
            pool.Request.Basis == _bases.GetValueOrDefault(key) && (stored.Request.Basis != pool.Request.Basis || stored.Workers <= pool.Workers) ? pool : stored);

    // The suppliers are compared as well as the basis, as the basis counts only this node's supplier changes.
    private static bool SameBasis(PoolRequest ranked, PoolRequest asked) =>
        ranked.Basis == asked.Basis && ranked.Suppliers.Count == asked.Suppliers.Count
        && ranked.Suppliers.All(s => asked.Suppliers.TryGetValue(s.Key, out var other) && other == s.Value);

    private void RefreshInBackground(PoolRequest request)
    {
        var key = request.Key;
        if (!_refreshing.TryAdd(key, true)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var ranking = scope.ServiceProvider.GetRequiredService<ShortlistRanking>();
                // Counted before the database is read, so a change made while it is read is applied afterwards.
                var workers = changes.Of<Worker>();
                var checkedPool = _pools.TryGetValue(key, out var kept) && SameBasis(kept.Request, request)
                    ? await ranking.CheckAsync(kept, workers, MostReRankedOnARequest, CancellationToken.None)
                    : null;
                var ranked = checkedPool ?? await ranking.RankAsync(request, workers, CancellationToken.None);
                Keep(key, ranked with { RankedOffTheRequest = true });
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The last ranking keeps being served; the next request that finds it stale tries again.
                LogRefreshFailed(logger, exception, key);
            }
            finally
            {
                _refreshing.TryRemove(key, out _);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ranking the {Pool} shortlist pool again failed; the last ranking is still served")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string pool);
}
