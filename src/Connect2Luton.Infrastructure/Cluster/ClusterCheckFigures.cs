namespace Connect2Luton.Infrastructure.Cluster;

/// <summary>What this server's checks of the database have cost and found, for /health: the cost of the check on an idle server.</summary>
public sealed class ClusterCheckFigures
{
    private long _checks;
    private long _failures;
    private long _elapsedTicks;
    private long _lastAtTicks;
    private int _lastSucceeded;

    public long Checks => Interlocked.Read(ref _checks);

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The mean time a check takes, in milliseconds.</summary>
    public double MeanMilliseconds => Checks == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks)).TotalMilliseconds / Checks;

    /// <summary>When the last check finished; null before the first.</summary>
    public DateTimeOffset? LastAt => Interlocked.Read(ref _lastAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool LastSucceeded => Volatile.Read(ref _lastSucceeded) == 1;

    internal void Record(DateTimeOffset at, TimeSpan took, bool succeeded)
    {
        Interlocked.Add(ref _elapsedTicks, took.Ticks);
        Interlocked.Increment(ref _checks);
        if (!succeeded) Interlocked.Increment(ref _failures);
        Volatile.Write(ref _lastSucceeded, succeeded ? 1 : 0);
        Interlocked.Exchange(ref _lastAtTicks, at.UtcTicks);
    }
}
