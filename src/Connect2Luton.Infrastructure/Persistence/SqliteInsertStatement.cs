using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// One prepared INSERT on a SQLite connection, run many times over with new values bound by position. A night writes
/// over a million rows, and binding through ADO.NET parameters (each looked up by name, and each value copied out
/// through objects made for it) cost more than SQLite spent writing them. Values are written as Microsoft.Data.Sqlite
/// writes them (the same text for dates, times and decimals), so the rows read back as any other; a value of a type
/// it does not know is refused rather than guessed at.
/// </summary>
internal sealed class SqliteInsertStatement : IDisposable
{
    // Microsoft.Data.Sqlite's text forms, so a row written here compares and sorts as one written through EF.
    private const string DateFormat = "yyyy\\-MM\\-dd";
    private const string DateTimeFormat = "yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF";
    private const string DateTimeOffsetFormat = "yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFFzzz";
    private const string DecimalFormat = "0.0###########################";

    private readonly sqlite3 _connection;
    private readonly sqlite3_stmt _statement;
    private byte[] _text = ArrayPool<byte>.Shared.Rent(256);

    public SqliteInsertStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = raw.sqlite3_prepare_v2(_connection, sql, out _statement);
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _connection);
    }

    /// <summary>Binds a value, as the database provider gives it (after EF's conversions), to the 1-based position.</summary>
    public void Bind(int position, object? value)
    {
        var result = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            string text => BindText(position, text),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            short number => raw.sqlite3_bind_int64(_statement, position, number),
            byte number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double number when !double.IsNaN(number) => raw.sqlite3_bind_double(_statement, position, number),
            decimal amount => BindFormatted(position, amount, DecimalFormat),
            DateOnly date => BindFormatted(position, date, DateFormat),
            DateTime moment => BindFormatted(position, moment, DateTimeFormat),
            DateTimeOffset moment => BindFormatted(position, moment, DateTimeOffsetFormat),
            _ => throw new NotSupportedException($"A {value.GetType().Name} value cannot be written in bulk."),
        };
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

    public void Dispose()
    {
        _statement.Dispose();
        ArrayPool<byte>.Shared.Return(_text);
        _text = [];
    }

    // SQLite copies the bytes as it binds them, so one buffer serves every value.
    private int BindText(int position, string text)
    {
        // An empty span has no address, which SQLite would take for NULL.
        if (text.Length == 0) return raw.sqlite3_bind_text(_statement, position, utf8z.FromString(string.Empty));
        var length = Encoding.UTF8.GetByteCount(text);
        EnsureText(length);
        Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, position, _text.AsSpan(0, length));
    }

    private int BindFormatted<TValue>(int position, TValue value, string format) where TValue : IUtf8SpanFormattable
    {
        int written;
        while (!value.TryFormat(_text, out written, format, CultureInfo.InvariantCulture)) EnsureText(_text.Length * 2);
        return raw.sqlite3_bind_text(_statement, position, _text.AsSpan(0, written));
    }

    private void EnsureText(int length)
    {
        if (_text.Length >= length) return;
        ArrayPool<byte>.Shared.Return(_text);
        _text = ArrayPool<byte>.Shared.Rent(length);
    }
}
