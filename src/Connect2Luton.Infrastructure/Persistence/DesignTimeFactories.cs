using Connect2Luton.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>For `dotnet ef migrations add ... --context SqliteAppDbContext`: no app host needed.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
                .Options,
            new SystemUser(),
            TimeProvider.System);
}

/// <summary>
/// For `dotnet ef migrations add ... --context SqlServerAppDbContext`. Generating migrations and scripts needs no
/// server, so the connection string only has to parse.
/// </summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
                .UseSqlServer("Server=(design-time);Database=Connect2Luton;Trusted_Connection=True;TrustServerCertificate=True")
                .Options,
            new SystemUser(),
            TimeProvider.System);
}
