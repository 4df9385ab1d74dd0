using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// Runs a save (or a unit of work) through the execution strategy, which a retrying one (Database:RetryOnFailure)
/// requires of a transaction the app begins itself. A retry runs the whole unit again, so an attempt is retried only
/// if it failed before anything of it was written: EF then still holds every change as staged, and what the failed
/// attempt began tracking (a record the work made, the nightly dues a save notes) is let go, to be made again. Once
/// a save inside has written, the change tracker holds those rows as saved although their transaction rolled back,
/// and running the unit again would lose them: that failure is refused as not retried.
/// </summary>
internal static class RetriedSaves
{
    public static async Task<T> RunAsync<T>(DbContext db, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        // Inside a unit already running (a save inside a unit's transaction), the outer unit is what is retried.
        if (!strategy.RetriesOnFailure || db.Database.CurrentTransaction is not null) return await attempt(cancellationToken);
        return await strategy.ExecuteAsync(async ct =>
        {
            var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
            var written = false;
            void Saved(object? sender, SavedChangesEventArgs e) => written = true;
            db.SavedChanges += Saved;
            try
            {
                return await attempt(ct);
            }
            catch (Exception error) when (written && error is not DbUpdateConcurrencyException && !(error is DbUpdateException update && IsUniqueViolation(update)))
            {
                throw new InvalidOperationException("The save failed after part of it was written in its transaction (which rolled back), so it is not retried.", error);
            }
            catch when (!written)
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(e => !tracked.Contains(e.Entity)).ToList()) entry.State = EntityState.Detached;
                throw;
            }
            finally
            {
                db.SavedChanges -= Saved;
            }
        }, cancellationToken);
    }

    // SQLite's SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY; SQL Server's duplicate key in a unique index or constraint.
    public static bool IsUniqueViolation(DbUpdateException error) => error?.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
