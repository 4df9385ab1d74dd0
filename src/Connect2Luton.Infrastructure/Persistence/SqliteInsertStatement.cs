using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// One prepared INSERT on a SQLite connection, run many times over with new values bound by position. A night writes
/// over a million rows, and binding through ADO.NET parameters (each looked up by name, and each value copied out
/// through objects made for it) cost more than SQLite spent writing them. The values come ready to store
/// (<see cref="SqliteValues"/>), so binding is only copying them in.
/// </summary>
internal sealed class SqliteInsertStatement : IDisposable
{
    private readonly sqlite3 _connection;
    private readonly sqlite3_stmt _statement;

    public SqliteInsertStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = raw.sqlite3_prepare_v2(_connection, sql, out _statement);
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _connection);
    }

    /// <summary>Binds a value made ready to store to the 1-based position; SQLite copies what it is given.</summary>
    public void Bind(int position, SqliteValues values, SqliteValue value)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = value.Kind switch
        {
            SqliteValueKind.Null => raw.sqlite3_bind_null(_statement, position),
            SqliteValueKind.Integer => raw.sqlite3_bind_int64(_statement, position, value.Number),
            SqliteValueKind.Real => raw.sqlite3_bind_double(_statement, position, BitConverter.Int64BitsToDouble(value.Number)),
            // An empty span has no address, which SQLite would take for NULL.
            SqliteValueKind.Text when value.Length == 0 => raw.sqlite3_bind_text(_statement, position, utf8z.FromString(string.Empty)),
            SqliteValueKind.Text => raw.sqlite3_bind_text(_statement, position, values.TextOf(value)),
            _ => throw new InvalidOperationException($"A {value.Kind} value must be resolved before it is bound."),
        };
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _connection);
    }

    public void BindInteger(int position, long number)
    {
        var result = raw.sqlite3_bind_int64(_statement, position, number);
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _connection);
    }

    /// <summary>Runs the statement with the values bound, and reads the one integer each row it returns gives back.</summary>
    public void Run(List<long>? returned = null)
    {
        try
        {
            while (true)
            {
                var result = raw.sqlite3_step(_statement);
                if (result == raw.SQLITE_DONE) return;
                if (result != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(result, _connection);
                returned?.Add(raw.sqlite3_column_int64(_statement, 0));
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
