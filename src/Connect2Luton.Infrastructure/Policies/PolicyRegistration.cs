using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Connect2Luton.Infrastructure.Policies;

internal static class PolicyRegistration
{
    public static IServiceCollection AddPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RulesOptions>()
            .Bind(configuration.GetSection(RulesOptions.Section))
            .Validate(o => o.ReloadDelayMilliseconds is >= 0 and <= 60_000, "Rules:ReloadDelayMilliseconds must be between 0 and 60000.")
            .ValidateOnStart();
        foreach (var builtIn in RuleSetDefinition.BuiltIn) services.AddRuleSet(builtIn);
        services.AddSingleton<RuleFileStore>();
        services.AddSingleton<RuleSetRegistry>();
        services.AddSingleton<IRuleSetCatalogue>(sp => sp.GetRequiredService<RuleSetRegistry>());
        services.AddSingleton<IRuleSetPublisher>(sp => sp.GetRequiredService<RuleSetRegistry>());
        services.AddSingleton<IRuleSetSamples, RuleSetSamples>();
        services.AddSingleton<IPayRatePolicy, PayRatePolicy>();
        services.AddSingleton<ILocalPreferencePolicy, LocalPreferencePolicy>();
        services.AddSingleton<IPlacementLengthPolicy, PlacementLengthPolicy>();
        services.AddSingleton<IConversionPolicy, ConversionPolicy>();
        services.AddSingleton<ISupplierReleasePolicy, SupplierReleasePolicy>();
        services.AddSingleton<RuleFileWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RuleFileWatcher>());
        services.AddHostedService<RuleFileHistoryRecorder>();
        return services;
    }
}

/// <summary>
/// /health for the rules: healthy when every rule set serves its files as they are; degraded when a file on disk
/// is broken and the last good version is serving; unhealthy when a rule set has never loaded.
/// </summary>
internal sealed class RuleSetHealthCheck(IRuleSetCatalogue catalogue) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var sets = catalogue.Current;
        var missing = sets.Where(s => !s.IsServing).Select(s => s.Name).ToList();
        var troubled = sets.Where(s => s.Problems.Count > 0).Select(s => s.Name).ToList();
        return Task.FromResult(missing.Count > 0
            ? HealthCheckResult.Unhealthy($"Not serving: {string.Join(", ", missing)}")
            : troubled.Count > 0
                ? HealthCheckResult.Degraded($"Serving the last good version of: {string.Join(", ", troubled)}")
                : HealthCheckResult.Healthy($"{sets.Count} rule sets serving"));
    }
}
