using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// What is in the app's SQLite database, table by table, as a hash of every row, read on a connection of its own.
/// <see cref="ChangedSinceLastLook"/> is SQLite's own <c>data_version</c>: it moves only when another connection commits,
/// so the tables are read again only after something was written.
/// </summary>
public sealed class DatabaseFingerprint : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Func<string, string?> _rowsOf;
    private long _dataVersion;

    private DatabaseFingerprint(SqliteConnection connection, Func<string, string?> rowsOf)
    {
        _connection = connection;
        _rowsOf = rowsOf;
    }

    /// <param name="rowsOf">For each table, the query that reads the rows that count, or null to leave the table out.</param>
    public static async Task<DatabaseFingerprint> OpenAsync(string connectionString, Func<string, string?> rowsOf)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var fingerprint = new DatabaseFingerprint(connection, rowsOf);
        fingerprint._dataVersion = await fingerprint.DataVersionAsync();
        return fingerprint;
    }

    public async Task<bool> ChangedSinceLastLook()
    {
        var now = await DataVersionAsync();
        var changed = now != _dataVersion;
        _dataVersion = now;
        return changed;
    }

    /// <summary>Each table that counts, with its row count and a hash of its rows in rowid order.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TablesAsync()
    {
        var tables = new List<string>();
        await using (var list = _connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // The change signals servers send one another are written a moment after any save (a sign-in's too): they
            // are the servers' bookkeeping, not anything a person saved.
            if (table == "ChangeSignals" || _rowsOf(table) is not { } query) continue;
            await using var command = _connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes(Text(reader.GetValue(i)) + "\u241f"));
            }
            result[table] = $"{rows} rows, {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }
        _dataVersion = await DataVersionAsync();
        return result;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "\u2400",
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private async Task<long> DataVersionAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
