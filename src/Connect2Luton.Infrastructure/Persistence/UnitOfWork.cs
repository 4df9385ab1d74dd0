using System.Text.RegularExpressions;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence;

internal sealed partial class UnitOfWork(AppDbContext db, IEnumerable<IStagedInserts>? bulk = null, ChangeCounters? counters = null) : IUnitOfWork
{
    private readonly List<IStagedInserts> _bulk = bulk?.ToList() ?? [];

    public void Forget() => db.ChangeTracker.Clear();

    public async Task<SaveResult> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var staged = _bulk.Where(b => b.Any).ToList();
            if (staged.Count == 0) await RetriedAsync(db.SaveChangesAsync, cancellationToken);
            else await RetriedAsync(ct => SaveWithBulkInsertsAsync(staged, ct), cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            // A clash on an owned value (a worker's DBS check) is a clash on its owner (the worker), and on a part of a
            // timesheet (its lines) a clash on the timesheet.
            var what = conflict.Entries
                .Select(e => Words(PartOf((e.Metadata.FindOwnership()?.PrincipalEntityType ?? e.Metadata).ClrType).Name))
                .FirstOrDefault() ?? "record";
            return SaveResult.Conflicted(
                $"Someone else saved a change to this {what} while you were working on it. Nothing you entered has been saved: " +
                "check the latest details and make your change again.");
        }
        catch (DbUpdateException duplicate) when (IsUniqueViolation(duplicate))
        {
            // The use case looked for a duplicate first; this is two people saving the same name (or week) at the same moment.
            if (duplicate.Entries.Any(e => PartOf(e.Metadata.ClrType) == typeof(Domain.Timesheets.Timesheet)))
                return SaveResult.Conflicted("Someone else started this week's timesheet at the same moment. Nothing you entered has been saved: open the week again.");
            var what = duplicate.Entries.Select(e => Words(e.Metadata.ClrType.Name)).FirstOrDefault() ?? "record";
            return SaveResult.Conflicted(
                $"Someone else saved a {what} with the same name at the same moment. Nothing you entered has been saved: " +
                "check the latest details and try again.");
        }
    }

    private static Type PartOf(Type type) =>
        type == typeof(Domain.Timesheets.TimesheetLine) || type == typeof(Domain.Timesheets.TimesheetEntry) || type == typeof(Domain.Timesheets.TimesheetEvent)
            ? typeof(Domain.Timesheets.Timesheet) : type;

    private static bool IsUniqueViolation(DbUpdateException error) => RetriedSaves.IsUniqueViolation(error);

    public async Task<T> InOneTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(keep);
        if (db.Database.CurrentTransaction is not null) throw new InvalidOperationException("A transaction is already open on this unit of work.");
        // Every save inside joins this transaction (they open their own only when none is open); on SQLite it takes
        // the write lock at once, so what the work reads before it writes is what it writes against.
        return await RetriedAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcome = await work(ct);
            if (keep(outcome)) await transaction.CommitAsync(ct);
            else await transaction.RollbackAsync(ct);
            return outcome;
        }, cancellationToken);
    }

    private Task<bool> RetriedAsync(Func<CancellationToken, Task> attempt, CancellationToken cancellationToken) =>
        RetriedAsync(async ct =>
        {
            await attempt(ct);
            return true;
        }, cancellationToken);

    private Task<T> RetriedAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        RetriedSaves.RunAsync(db, attempt, cancellationToken);

    // The tracked changes and the bulk rows land together or not at all. The bulk rows are made ready first, as the
    // transaction takes SQLite's one write lock. Bulk rows are not tracked, so their kind is counted as changed
    // here, after the commit, for any list cached from it.
    private async Task SaveWithBulkInsertsAsync(List<IStagedInserts> staged, CancellationToken cancellationToken)
    {
        foreach (var inserts in staged) inserts.Prepare();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var inserts in staged) await inserts.WriteAsync(cancellationToken);
            if (ownTransaction is null) return;
            await ownTransaction.CommitAsync(cancellationToken);
            foreach (var inserts in staged) counters?.Changed(inserts.RecordType);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private static string Words(string typeName) => SplitWords().Replace(typeName, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex SplitWords();
}
