using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Connect2Luton.Infrastructure.Persistence;

public enum DatabaseFaultKind
{
    /// <summary>Another process holds the database's write lock longer than a save waits (or SQL Server's lock timeout, a deadlock).</summary>
    Busy,

    /// <summary>The database can be read but not written: a read-only file, folder or mount, or a read-only SQL Server database.</summary>
    ReadOnly,

    /// <summary>The database cannot be opened or used at all: missing, unreachable, full, or not a database.</summary>
    Unusable,
}

/// <summary>A failure of the database itself (not of the app's code), as the error page and the start-up fallback describe it.</summary>
public sealed record DatabaseFault(DatabaseFaultKind Kind, string Detail);

/// <summary>
/// Tells a database that cannot be used apart from a bug: the first is the machine's problem, says so to the person
/// in plain words and is worth retrying; the second is ours. Only the codes below count, by their documented numbers.
/// </summary>
public static class DatabaseFaults
{
    public static DatabaseFault? Classify(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is SqliteException sqlite && Sqlite(sqlite.SqliteErrorCode) is { } kind) return new DatabaseFault(kind, sqlite.Message);
            if (current is SqlException sqlServer && SqlServer(sqlServer.Number) is { } serverKind) return new DatabaseFault(serverKind, sqlServer.Message);
            if (current is AggregateException { InnerExceptions.Count: > 0 } many)
                return many.InnerExceptions.Select(Classify).FirstOrDefault(f => f is not null);
        }
        return null;
    }

    // https://www.sqlite.org/rescode.html: the primary result codes (the low byte of an extended code).
    private static DatabaseFaultKind? Sqlite(int code) => (code & 0xFF) switch
    {
        5 or 6 => DatabaseFaultKind.Busy, // SQLITE_BUSY, SQLITE_LOCKED
        8 => DatabaseFaultKind.ReadOnly, // SQLITE_READONLY
        3 or 10 or 11 or 13 or 14 or 26 => DatabaseFaultKind.Unusable, // PERM, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
        _ => null,
    };

    // SQL Server error numbers: timeout, deadlock victim, lock timeout; read-only database; cannot open, network, full.
    private static DatabaseFaultKind? SqlServer(int number) => number switch
    {
        -2 or 1205 or 1222 => DatabaseFaultKind.Busy,
        3906 => DatabaseFaultKind.ReadOnly,
        -1 or 2 or 53 or 4060 or 1105 or 9002 or 40613 => DatabaseFaultKind.Unusable,
        _ => null,
    };
}
