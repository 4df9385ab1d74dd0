using Connect2Luton.Infrastructure.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// A reload of a rule set the test is about to cause (a file written under the watcher), awaited on the registry's
/// own event rather than by reading pages until they change. Start waiting before writing the file.
/// </summary>
internal sealed class RuleReload : IDisposable
{
    private readonly RuleSetRegistry _registry;
    private readonly string _ruleSet;
    private readonly Func<RuleSetLoadResult, bool> _matches;
    private readonly TaskCompletionSource<RuleSetLoadResult> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RuleReload(RuleSetRegistry registry, string ruleSet, Func<RuleSetLoadResult, bool> matches)
    {
        _registry = registry;
        _ruleSet = ruleSet;
        _matches = matches;
        registry.Reloaded += OnReloaded;
    }

    /// <summary>The next reload of the rule set that was refused.</summary>
    public static RuleReload Refused(IServiceProvider services, string ruleSet) => new(services.GetRequiredService<RuleSetRegistry>(), ruleSet, r => !r.Succeeded);

    /// <summary>The next reload of the rule set that was accepted.</summary>
    public static RuleReload Accepted(IServiceProvider services, string ruleSet) => new(services.GetRequiredService<RuleSetRegistry>(), ruleSet, r => r.Succeeded);

    public async Task<RuleSetLoadResult> WithinAsync(TimeSpan timeout)
    {
        try
        {
            return await _seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new ShouldAssertException($"The {_ruleSet} rules were not reloaded as expected within {timeout.TotalSeconds:0} s.");
        }
    }

    public void Dispose() => _registry.Reloaded -= OnReloaded;

    private void OnReloaded(object? sender, RuleSetLoadResult result)
    {
        if (result.Name == _ruleSet && _matches(result)) _seen.TrySetResult(result);
    }
}
