using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connect2Luton.Web.Tests.Faults;

/// <summary>A SQLite file a test starts the app on: looked at read-only from outside the app, deleted with its WAL afterwards.</summary>
public sealed class DatabaseFile(string name) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "connect2luton-tests", $"{name}-{Guid.NewGuid():N}.db");

    public static DatabaseFile New(string name)
    {
        var file = new DatabaseFile(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file.Path)!);
        return file;
    }

    /// <summary>The file and its write-ahead log (a killed app leaves its last pages there) copied under the target's name.</summary>
    public void CopyTo(DatabaseFile target)
    {
        File.Copy(Path, target.Path);
        if (File.Exists(Path + "-wal")) File.Copy(Path + "-wal", target.Path + "-wal");
    }

    // Read-only and unpooled: the test only looks, and leaves no handle on the file when it deletes it.
    public async Task<SqliteConnection> OpenReadOnlyAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public async Task<int> ScalarAsync(string sql)
    {
        await using var connection = await OpenReadOnlyAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }
}
