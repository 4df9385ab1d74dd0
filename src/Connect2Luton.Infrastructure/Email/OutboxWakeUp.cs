using Connect2Luton.Application.Common.Caching;

namespace Connect2Luton.Infrastructure.Email;

/// <summary>
/// Wakes this node's sender as soon as an email queued here is committed, rather than at its next look. Other nodes'
/// emails are found by looking every <see cref="EmailSettings.PollInterval"/>.
/// </summary>
internal sealed class OutboxWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly ChangeCounters _counters;

    public OutboxWakeUp(ChangeCounters counters)
    {
        _counters = counters;
        counters.Moved += OnMoved;
    }

    /// <summary>Waits until woken or until <paramref name="longest"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan longest, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _signal.WaitAsync(either.Token);
        var timedOut = Task.Delay(longest, clock, either.Token);
        await Task.WhenAny(woken, timedOut);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void OnMoved(object? sender, Type type)
    {
        if (type != typeof(OutboxEmail)) return;
        // One signal is enough however many emails were queued: the sender takes everything due when it wakes.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke it at the same moment.
            }
        }
    }

    public void Dispose()
    {
        _counters.Moved -= OnMoved;
        _signal.Dispose();
    }
}
