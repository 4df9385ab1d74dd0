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

    /// <summary>Seed the Bogus demo data into an empty database (the embedded default, never production).</summary>
    public bool SeedDemoData { get; set; }
}
