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
    // What a save touched, by kind: the records themselves, whose ids (new ones' included) are read once it is saved.
    private readonly ConditionalWeakTable<DbContext, Dictionary<Type, List<object>>> _saving = [];
    private readonly ConditionalWeakTable<DbContext, Dictionary<Type, HashSet<int>>> _uncommitted = [];

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
            .GroupBy(e => e.Metadata.ClrType)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Entity).ToList()));
    }

    private static Dictionary<Type, HashSet<int>> Ids(Dictionary<Type, List<object>> saved) =>
        saved.ToDictionary(s => s.Key, s => s.Value.OfType<Domain.Common.Entity>().Select(e => e.Id).ToHashSet());

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var saved)) return;
        _saving.Remove(context);
        var types = Ids(saved);
        if (context.Database.CurrentTransaction is null)
        {
            Count(types);
            return;
        }
        var uncommitted = _uncommitted.GetOrCreateValue(context);
        foreach (var (type, ids) in types)
        {
            if (uncommitted.TryGetValue(type, out var already)) already.UnionWith(ids);
            else uncommitted[type] = ids;
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var types)) return;
        _uncommitted.Remove(context);
        Count(types);
    }

    private void Count(Dictionary<Type, HashSet<int>> types)
    {
        foreach (var (type, ids) in types) counters.Changed(type, ids);
    }

    private static void Forget<T>(ConditionalWeakTable<DbContext, T> table, DbContext? context) where T : class
    {
        if (context is not null) table.Remove(context);
    }
}
