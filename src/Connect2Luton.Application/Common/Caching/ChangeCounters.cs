using System.Collections.Concurrent;

namespace Connect2Luton.Application.Common.Caching;

/// <summary>
/// A counter per kind of record, raised every time this app saves a change to one. A cached answer notes the
/// counters it was worked out under and is thrown away when one moves, so what a user saves shows at once.
/// Changes made outside this process (another node, a script) are not counted: cached answers also expire after
/// a short time for that.
/// </summary>
public sealed class ChangeCounters
{
    private readonly ConcurrentDictionary<Type, long> _counters = new();

    public long Of<T>() => _counters.GetValueOrDefault(typeof(T));

    /// <summary>Raised after a kind of record's counter moves, once its change is committed: for work that waits on a kind of record (emails queued).</summary>
    public event EventHandler<Type>? Moved;

    public void Changed(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _counters.AddOrUpdate(type, 1, (_, count) => count + 1);
        Moved?.Invoke(this, type);
    }
}
