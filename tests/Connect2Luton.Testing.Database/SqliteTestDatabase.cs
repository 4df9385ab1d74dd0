using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Testing.Database;

/// <summary>
/// A real SQLite database in a file of its own, built by the real migrations, deleted afterwards. Each context it
/// hands out is a separate unit of work, as a separate request would be.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(string file) => File = file;

    public string File { get; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ToString();

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "connect2luton-tests");
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(Path.Combine(folder, $"{Guid.NewGuid():N}.db"));
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync();
        return database;
    }

    public AppDbContext CreateContext(ICurrentUser? user = null, TimeProvider? clock = null) =>
        new SqliteAppDbContext(
            (DbContextOptions<SqliteAppDbContext>)SqliteAppDbContext.Configure(new DbContextOptionsBuilder<SqliteAppDbContext>(), ConnectionString).Options,
            user ?? TestUser.Recruiter,
            clock ?? Clocks.Fixed());

    /// <summary>A second database holding what this one holds now, to run the same thing two ways and compare.</summary>
    public async Task<SqliteTestDatabase> CopyAsync()
    {
        var copy = new SqliteTestDatabase(Path.Combine(Path.GetDirectoryName(File)!, $"{Guid.NewGuid():N}.db"));
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $file;";
        command.Parameters.AddWithValue("$file", copy.File);
        await command.ExecuteNonQueryAsync();
        return copy;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { File, File + "-wal", File + "-shm" })
        {
            if (System.IO.File.Exists(path)) System.IO.File.Delete(path);
        }
        return ValueTask.CompletedTask;
    }
}
