using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// Settings SQLite keeps per connection, applied as each one opens: reads through memory-mapped I/O and a larger
/// page cache (lists of 100,000 placements touch many pages), and the WAL-safe "normal" sync, which makes a
/// commit durable at the next checkpoint instead of on every write.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size = 268435456; PRAGMA cache_size = -32768; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Tune(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Tune(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A writer that finds another holding the lock waits in SQLite's busy handler, which tries again within a few
    // milliseconds of the lock coming free; left to Microsoft.Data.Sqlite, it sleeps 150 ms between tries, which
    // with both nightly jobs writing a batch at a time cost more than the writes. The wait is bounded by the same
    // timeout as any command on the connection.
    private static DbCommand Tune(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        var timeout = connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30;
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"{Pragmas} PRAGMA busy_timeout = {timeout * 1000};");
        return command;
    }
}
