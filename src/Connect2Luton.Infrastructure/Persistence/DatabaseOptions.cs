using System.ComponentModel.DataAnnotations;

namespace Connect2Luton.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The "Database" section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQL Server, the connection string (required). For SQLite, optional: without it the database is the file
    /// <see cref="SqliteFile"/> under the app's content root.
    /// </summary>
    public string? ConnectionString { get; set; }

    [Required]
    public string SqliteFile { get; set; } = Path.Combine("App_Data", "connect2luton.db");

    /// <summary>Apply pending migrations at start-up. On by default; turn off where a DBA applies the script.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// EF Core's check that one context is not used by two threads at once. On by default, and so in every test;
    /// the app's own settings turn it off, because the check sets an async-local value for every row it reads (a
    /// 100,000-placement night allocated 6% of its memory there).
    /// </summary>
    public bool ThreadSafetyChecks { get; set; } = true;

    /// <summary>
    /// SQL Server only: retry a unit of work that failed on a fault SQL Server calls transient (a failover, a dropped
    /// connection, a throttled Azure SQL database), through EF Core's retrying execution strategy. Off by default:
    /// no SQL Server runs in this project's tests, and a retry re-runs a unit only when it failed before writing
    /// anything (see UnitOfWork), so a council turns it on where such faults are expected.
    /// </summary>
    public bool RetryOnFailure { get; set; }

    /// <summary>
    /// SQL Server only: the database compatibility level EF Core writes its SQL for. 130 (SQL Server 2016) is the
    /// lowest that has OPENJSON, which a list of more than about 2,100 ids is sent as; EF Core's own default, 160,
    /// would let it use functions a SQL Server 2019 database (150) does not have.
    /// </summary>
    [Range(130, 170)]
    public int SqlServerCompatibilityLevel { get; set; } = 130;

    /// <summary>Seed the Bogus demo data into an empty database (the embedded default, never production).</summary>
    public bool SeedDemoData { get; set; }
}
