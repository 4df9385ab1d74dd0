using Connect2Luton.Application;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect2Luton.Testing.Database;

/// <summary>The application and infrastructure wired as the app wires them, on a test database, clock and user.</summary>
public static class TestServices
{
    public static ServiceProvider For(SqliteTestDatabase database, TimeProvider? clock = null, ICurrentUser? user = null, string? rulesDirectory = null,
        Action<IServiceCollection>? configure = null) =>
        Build(database.ConnectionString, clock, user, rulesDirectory, configure: configure);

    /// <summary>The policies alone, on the given rule files (the repository's by default), with no database needed.</summary>
    public static ServiceProvider ForPolicies(string? rulesDirectory = null, bool watchFiles = false) =>
        Build("Data Source=:memory:", null, null, rulesDirectory, watchFiles);

    private static ServiceProvider Build(string connectionString, TimeProvider? clock, ICurrentUser? user, string? rulesDirectory, bool watchFiles = false,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = connectionString,
                ["Rules:Directory"] = rulesDirectory ?? RuleFiles.RepositoryDirectory,
                ["Rules:WatchFiles"] = watchFiles ? "true" : "false",
                ["Rules:ReloadDelayMilliseconds"] = "50",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(clock ?? Clocks.Fixed());
        services.AddApplication();
        var environment = new TestEnvironment();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddInfrastructure(configuration, environment);
        services.Replace(ServiceDescriptor.Scoped(_ => user ?? TestUser.Recruiter));
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Connect2Luton.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
