using System.Data.Common;
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
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
