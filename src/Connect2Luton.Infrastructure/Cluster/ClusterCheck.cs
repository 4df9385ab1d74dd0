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
internal sealed partial class ClusterCheck(IServiceScopeFactory scopes, ChangeSignals signals, IOptions<ClusterOptions> options, TimeProvider clock, ILogger<ClusterCheck> logger) : BackgroundService
{
    private long _checks;
    private long _failures;
    private long _elapsedTicks;

    /// <summary>When the last check finished, and whether it could read the database.</summary>
    public (DateTimeOffset At, bool Succeeded)? Last { get; private set; }

    public long Checks => Interlocked.Read(ref _checks);

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The mean time a check takes, in milliseconds: its cost on an idle server.</summary>
    public double MeanMilliseconds => Checks == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks)).TotalMilliseconds / Checks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.CheckIntervalMilliseconds), clock);
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
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var taken = await scope.ServiceProvider.GetRequiredService<RuleVersionFollower>().CatchUpAsync(cancellationToken);
            if (taken > 0) LogTaken(logger, taken);
            await signals.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
            Last = (clock.GetUtcNow(), true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A database out of reach for a moment must not stop the checks: the next one tries again.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failures);
            Last = (clock.GetUtcNow(), false);
            LogFailed(logger, error);
        }
        Interlocked.Add(ref _elapsedTicks, Stopwatch.GetElapsedTime(started).Ticks);
        Interlocked.Increment(ref _checks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took {Count} rule versions recorded by another server into service")]
    private static partial void LogTaken(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the database for other servers' rule versions and changes; trying again at the next check")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
