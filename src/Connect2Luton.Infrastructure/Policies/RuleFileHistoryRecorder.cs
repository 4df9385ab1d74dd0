using Connect2Luton.Application.RuleSets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Puts the versions that did not come through the workspace into the rules history: the files as served when
/// the app starts, and each file changed on disk that passed the checks and went into service. At start, the
/// newest versions in the database are taken first: the database is the record of what serves, so a server whose
/// folder is behind serves what the others serve, and its folder only seeds a rule set the database has never held.
/// </summary>
internal sealed partial class RuleFileHistoryRecorder(RuleSetRegistry registry, IServiceScopeFactory scopes, ILogger<RuleFileHistoryRecorder> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        registry.Reloaded += OnReloaded;
        await registry.EnsureLoadedAsync(cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var taken = await scope.ServiceProvider.GetRequiredService<RuleVersionFollower>().CatchUpAsync(cancellationToken);
            if (taken > 0) LogTakenAtStart(logger, taken);
        }
        await RecordAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        registry.Reloaded -= OnReloaded;
        return Task.CompletedTask;
    }

    private void OnReloaded(object? sender, RuleSetLoadResult result)
    {
        if (result.Changed) _ = RecordAsync(CancellationToken.None);
    }

    private async Task RecordAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var recorded = await scope.ServiceProvider.GetRequiredService<RuleFileHistory>().RecordServingAsync(cancellationToken);
            if (recorded > 0) LogRecorded(logger, recorded);
        }
#pragma warning disable CA1031 // The history is a record of what served; failing to write it must not stop the rules serving.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, error);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the database's newest version of {Count} rule sets over the rules folder's")]
    private static partial void LogTakenAtStart(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} rule file versions found in the rules folder")]
    private static partial void LogRecorded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the serving rule file versions in the history")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
