using System.Collections.Concurrent;
using System.Collections.Frozen;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Infrastructure.Cluster;

/// <summary>
/// Carries change counts between the servers on one database, through the ChangeSignals table. This server's
/// changes are added to their kinds' rows a moment after they commit, several at once under load, so a save costs
/// nothing extra; every check (<see cref="ClusterCheck"/>) reads the rows, and a count that moved by more than this
/// server added is another server's change: what was cached from that kind is dropped here.
/// </summary>
internal sealed partial class ChangeSignals(ChangeCounters counters, IServiceScopeFactory scopes, ILogger<ChangeSignals> logger) : BackgroundService
{
    // Gathers the changes of a busy moment into one write, and is well inside the check interval.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    // Kinds nothing caches, each written with every save: signalling them would only cost writes.
    private static readonly FrozenSet<Type> Unsignalled = new[]
    {
        typeof(ChangeSignal), typeof(Domain.Auditing.AuditEntry), typeof(Domain.Decisions.RuleDecision),
    }.ToFrozenSet();

    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private FrozenDictionary<string, Type>? _kinds;
    private bool _read;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        counters.CountedHere += OnCountedHere;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        counters.CountedHere -= OnCountedHere;
        await base.StopAsync(cancellationToken);
        // What was counted while stopping still reaches the others, if the database can still be reached: a server
        // stopping because its database is gone must still stop.
        try
        {
            await FlushAsync(cancellationToken);
        }
#pragma warning disable CA1031 // The others' caches expire within a minute anyway; stopping comes first.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFlushFailed(logger, error);
        }
    }

    private void OnCountedHere(object? sender, Type type)
    {
        if (Unsignalled.Contains(type) || type.FullName is not { Length: <= ChangeSignal.KindLength } kind) return;
        _pending.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change woke it first.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stoppingToken);
                await Task.Delay(Gather, stoppingToken);
                await FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database that cannot be reached for a moment must not stop the signals: they are tried again.
            catch (Exception error)
#pragma warning restore CA1031
            {
                LogFlushFailed(logger, error);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Adds the changes counted here since the last write to their kinds' rows.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var taken = new List<(string Kind, long Count)>();
        foreach (var kind in _pending.Keys)
        {
            if (_pending.TryRemove(kind, out var count)) taken.Add((kind, count));
        }
        if (taken.Count == 0) return;
        // Noted as seen before it is written, so a read that lands between the write and this server noting it never
        // takes this server's own change for another's; taken back if the write fails.
        foreach (var (kind, count) in taken) _seen.AddOrUpdate(kind, count, (_, n) => n + count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var (kind, count) in taken)
                {
                    var raised = await db.Set<ChangeSignal>().Where(s => s.Kind == kind).ExecuteUpdateAsync(s => s.SetProperty(r => r.Count, r => r.Count + count), cancellationToken);
                    if (raised == 0) db.Set<ChangeSignal>().Add(new ChangeSignal(kind, count));
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch
        {
            // Not lost: added again, for the next write.
            foreach (var (kind, count) in taken)
            {
                _seen.AddOrUpdate(kind, 0, (_, n) => n - count);
                _pending.AddOrUpdate(kind, count, (_, n) => n + count);
            }
            throw;
        }
    }

    /// <summary>Reads every kind's row, and drops what was cached here from each kind another server changed.</summary>
    public async Task<int> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        _kinds ??= db.Model.GetEntityTypes().Select(e => e.ClrType).Distinct().Where(t => t.FullName is not null)
            .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);
        var rows = await db.Set<ChangeSignal>().AsNoTracking().Select(s => new { s.Kind, s.Count }).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var row in rows)
        {
            // Counts only grow: one above what this server has seen (its own writes included) is another's change.
            if (_seen.TryGetValue(row.Kind, out var seen) && row.Count <= seen) continue;
            _seen.AddOrUpdate(row.Kind, row.Count, (_, n) => Math.Max(n, row.Count));
            // The first read is where this server starts from: what it cached so far was read after those changes.
            if (!_read || !_kinds.TryGetValue(row.Kind, out var type)) continue;
            counters.ChangedElsewhere(type);
            moved++;
        }
        _read = true;
        return moved;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other servers of changes saved here; trying again")]
    private static partial void LogFlushFailed(ILogger logger, Exception error);
}
