using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// One start at a time brings a SQLite file up to date. Two nodes started at once on a new file would both find it
/// empty and both seed it (the second failing on the first's unique names, half seeded); EF's own migration lock
/// covers only the migrations. Nodes sharing a SQLite file share a machine, so a lock on a file beside it is seen
/// by all of them, and the operating system lets it go with a process however that process ends.
/// </summary>
internal static partial class StartLock
{
    public static async Task<IDisposable?> TakeAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || LockFile(db.Database.GetConnectionString()) is not { } path) return null;
        var waited = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock on the open file (flock on Linux), held until it is closed.
                // The file is left behind: deleting it could let a node lock a new file while another holds the old.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException)
            {
                if (!waited) LogWaiting(logger, path);
                waited = true;
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <summary>The lock's path beside the database file; none for an in-memory database, which nothing else shares.</summary>
    private static string? LockFile(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:") return null;
        return Path.GetFullPath(builder.DataSource) + ".starting";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another start is bringing the database up to date ({LockFile}): waiting for it to finish")]
    private static partial void LogWaiting(ILogger logger, string lockFile);
}
