using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Cluster;

internal static class ClusterRegistration
{
    /// <summary>The check every server makes of the database for the others' rule versions and changes, and the signals it sends of its own.</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>()
            .Bind(configuration.GetSection(ClusterOptions.Section))
            .Validate(o => o.CheckIntervalMilliseconds is >= 100 and <= 60_000, "Cluster:CheckIntervalMilliseconds must be between 100 and 60000.")
            .Validate(o => o.NodeName is null || o.NodeName.Trim().Length is >= 1 and <= 100, "Cluster:NodeName must be 1 to 100 characters.")
            .ValidateOnStart();
        services.AddSingleton<ChangeSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeSignals>());
        services.AddSingleton<ClusterCheckFigures>();
        services.AddSingleton<ClusterCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterCheck>());
        return services;
    }
}
