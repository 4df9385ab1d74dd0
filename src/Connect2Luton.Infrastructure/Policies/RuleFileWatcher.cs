using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Watches the rules folder and offers a changed rule set to the registry, through the same checks as a save.
/// Editors and deploy tools write a file in several steps (or write a temporary file and rename it), so each rule
/// set is reloaded once things have been quiet for a moment.
/// </summary>
internal sealed partial class RuleFileWatcher(RuleSetRegistry registry, RuleFileStore store, IOptions<RulesOptions> options, ILogger<RuleFileWatcher> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new();
    private FileSystemWatcher? _watcher;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await registry.EnsureLoadedAsync(cancellationToken);
        if (!options.Value.WatchFiles || !Directory.Exists(registry.Directory)) return;

        _watcher = new FileSystemWatcher(registry.Directory, "*.json")
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, e) => Schedule(e.FullPath);
        _watcher.Created += (_, e) => Schedule(e.FullPath);
        _watcher.Deleted += (_, e) => Schedule(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Schedule(e.OldFullPath);
            Schedule(e.FullPath);
        };
        _watcher.Error += (_, e) => LogWatchError(logger, e.GetException());
        _watcher.EnableRaisingEvents = true;
        LogWatching(logger, registry.Directory);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        CancelPending();
        return Task.CompletedTask;
    }

    // Taken out as they are cancelled, so stopping after disposing (as a test host may) finds nothing left to
    // cancel; a source with no timer needs no disposing.
    private void CancelPending()
    {
        foreach (var name in _pending.Keys)
        {
            if (_pending.TryRemove(name, out var pending)) pending.Cancel();
        }
    }

    private void Schedule(string path)
    {
        if (store.Owner(path) is not { } definition) return;
        var quiet = new CancellationTokenSource();
        CancellationTokenSource? superseded = null;
        _pending.AddOrUpdate(definition.Name, quiet, (_, old) =>
        {
            superseded = old;
            return quiet;
        });
        // The superseded wait is cancelled, not disposed: its task is still observing the token. A source with no
        // timer holds nothing that needs disposing.
        superseded?.Cancel();
        _ = ReloadWhenQuietAsync(definition, quiet);
    }

    private async Task ReloadWhenQuietAsync(RuleSetDefinition definition, CancellationTokenSource quiet)
    {
        try
        {
            await Task.Delay(options.Value.ReloadDelayMilliseconds, quiet.Token);
            _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(definition.Name, quiet));
            await registry.ReloadAsync(definition, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // A later change to the same rule set superseded this one.
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(logger, definition.FileName, error);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        CancelPending();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Directory} for rule file changes")]
    private static partial void LogWatching(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rules folder watcher reported an error")]
    private static partial void LogWatchError(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reload {File}")]
    private static partial void LogReloadFailed(ILogger logger, string file, Exception error);
}
