using System.Diagnostics;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Cluster;

/// <summary>
/// Every few seconds, this server reads what the others recorded: a newer rule version for any rule set (one grouped
/// read of the newest id of each), taken into service here, and the change signals, dropping what it cached from
/// the kinds of record others changed. A single server runs it too: it costs two small reads a check, and a second
/// server can then join without a change of configuration.
/// </summary>
internal sealed partial class ClusterCheck(IServiceScopeFactory scopes, ChangeSignals signals, ClusterCheckFigures figures, IOptions<ClusterOptions> options, TimeProvider clock, ILogger<ClusterCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall-clock cadence, not the app's clock: a check is work done every few real seconds, and a test's clock
        // moved on by months would otherwise fire it once for every 2 s it passed over.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.CheckIntervalMilliseconds));
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One check: the rule versions, then the change signals.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        bool succeeded;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var taken = await scope.ServiceProvider.GetRequiredService<RuleVersionFollower>().CatchUpAsync(cancellationToken);
            if (taken > 0) LogTaken(logger, taken);
            await signals.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
            succeeded = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A database out of reach for a moment must not stop the checks: the next one tries again.
        catch (Exception error)
#pragma warning restore CA1031
        {
            succeeded = false;
            LogFailed(logger, error);
        }
        figures.Record(clock.GetUtcNow(), Stopwatch.GetElapsedTime(started), succeeded);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took {Count} rule versions recorded by another server into service")]
    private static partial void LogTaken(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the database for other servers' rule versions and changes; trying again at the next check")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
