using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Application.RuleSets;

public static class RuleSetRegistration
{
    /// <summary>
    /// Registers a rule set: its files (NAME.json and tests/NAME.cases.json in the rules folder) are then validated,
    /// served, edited, tried, kept in history and reported on /health like every other.
    /// </summary>
    public static IServiceCollection AddRuleSet(this IServiceCollection services, RuleSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        services.AddSingleton(definition);
        services.TryAddSingleton<RuleSetModules>();
        return services;
    }
}
