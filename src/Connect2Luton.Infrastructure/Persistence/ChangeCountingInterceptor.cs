using System.Data.Common;
using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// Raises the change counter of every kind of record a save added, changed or removed, once the change is committed.
/// A save inside a transaction (a change and its audit rows) is counted when the transaction commits: counted
/// earlier, a reader could cache the old rows under the new counter and serve them until the entry expires.
/// </summary>
internal sealed class ChangeCountingInterceptor(ChangeCounters counters) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _saving = [];
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _uncommitted = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(_saving, eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(_saving, eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(_uncommitted, eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(_uncommitted, eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        _saving.AddOrUpdate(context, context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet());
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var types)) return;
        _saving.Remove(context);
        if (context.Database.CurrentTransaction is null)
        {
            Count(types);
            return;
        }
        _uncommitted.GetOrCreateValue(context).UnionWith(types);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var types)) return;
        _uncommitted.Remove(context);
        Count(types);
    }

    private void Count(HashSet<Type> types)
    {
        foreach (var type in types) counters.Changed(type);
    }

    private static void Forget(ConditionalWeakTable<DbContext, HashSet<Type>> table, DbContext? context)
    {
        if (context is not null) table.Remove(context);
    }
}
