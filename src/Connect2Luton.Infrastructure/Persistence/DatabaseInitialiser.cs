using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the current schema and fills what a first start needs: roles, the demo data and demo
/// users on the embedded default in Development, the first admin from configuration anywhere.
/// </summary>
public static partial class DatabaseInitialiser
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser));
        var db = provider.GetRequiredService<AppDbContext>();
        using var onlyStart = await StartLock.TakeAsync(db, logger, cancellationToken);

        if (options.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending.Count, options.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        // Write-ahead logging lets pages read while a save or a nightly job writes; the setting stays with the file.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        // The demo data leaves thousands of records tracked by the context that saved them: every later save on that
        // context would look through them all (the demo accounts' saves took 9 s of a first start), so it has its own.
        if (options.SeedDemoData)
        {
            await using var seeding = services.CreateAsyncScope();
            await seeding.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }

        // The query planner picks indexes by statistics; without them it guesses, and on 100,000 placements guesses
        // wrong (sorting a whole table for one page). "optimize" refreshes only what has changed enough to matter.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);

        var identity = provider.GetRequiredService<IdentitySeeder>();
        await identity.EnsureRolesAsync();
        if (environment.IsDevelopment()) await identity.SeedDemoUsersAsync(cancellationToken);
        await identity.EnsureBootstrapAdminAsync();
    }

    /// <summary>
    /// As <see cref="InitialiseDatabaseAsync"/>, but a database that cannot be used (locked, read-only, unreachable)
    /// is returned instead of thrown, so the app can say so and try again rather than exit into a restart loop.
    /// </summary>
    public static async Task<DatabaseFault?> TryInitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            await services.InitialiseDatabaseAsync(cancellationToken);
            return null;
        }
        catch (Exception error) when (DatabaseFaults.Classify(error) is { } fault)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser));
            LogCannotStart(logger, error, fault.Kind);
            return fault;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database cannot be used ({Kind}): the app serves an unavailable page and tries again")]
    private static partial void LogCannotStart(ILogger logger, Exception error, DatabaseFaultKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);
}
