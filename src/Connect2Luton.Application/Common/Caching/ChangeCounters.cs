using System.Collections.Concurrent;

namespace Connect2Luton.Application.Common.Caching;

/// <summary>
/// A counter per kind of record, raised every time this app saves a change to one. A cached answer notes the
/// counters it was worked out under and is thrown away when one moves, so what a user saves shows at once.
/// Changes made outside this process (another node, a script) are not counted: cached answers also expire after
/// a short time for that. The last changes of each kind are kept with the ids they touched, so an answer built
/// from many records (a ranked pool of workers) can be brought up to date by reading only those again.
/// </summary>
public sealed class ChangeCounters
{
    /// <summary>How many changes of a kind are remembered with their ids.</summary>
    public const int Remembered = 1_024;

    /// <summary>A change that touched more records than this is remembered without its ids (as a bulk write is), so the memory the log holds stays small.</summary>
    public const int MostIdsRemembered = 2_000;

    private readonly ConcurrentDictionary<Type, Log> _logs = new();

    public long Of<T>() => _logs.TryGetValue(typeof(T), out var log) ? log.Count : 0;

    /// <summary>Raised after a kind of record's counter moves, once its change is committed: for work that waits on a kind of record (emails queued).</summary>
    public event EventHandler<Type>? Moved;

    /// <summary>Raised after a change this server saved is counted: for telling the other servers.</summary>
    public event EventHandler<Type>? CountedHere;

    /// <summary>A change to records of a kind; <paramref name="ids"/> are those it touched, or null where they are not known (a bulk write).</summary>
    public void Changed(Type type, IReadOnlyCollection<int>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        _logs.GetOrAdd(type, _ => new Log()).Add(ids is { Count: > MostIdsRemembered } ? null : ids);
        CountedHere?.Invoke(this, type);
        Moved?.Invoke(this, type);
    }

    /// <summary>A change to records of a kind saved by another server: which records is not known here.</summary>
    public void ChangedElsewhere(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _logs.GetOrAdd(type, _ => new Log()).Add(null);
        Moved?.Invoke(this, type);
    }

    /// <summary>
    /// The ids of the records of a kind changed since its counter stood at <paramref name="since"/>; false where
    /// that is not known (a change without ids, or longer ago than is remembered).
    /// </summary>
    public bool TryChangedSince<T>(long since, out IReadOnlySet<int> ids)
    {
        if (_logs.TryGetValue(typeof(T), out var log)) return log.TryChangedSince(since, out ids);
        ids = new HashSet<int>();
        return since == 0;
    }

    private sealed class Log
    {
        private readonly Lock _lock = new();
        private readonly Queue<(long Count, IReadOnlyCollection<int>? Ids)> _recent = new();
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Add(IReadOnlyCollection<int>? ids)
        {
            lock (_lock)
            {
                _recent.Enqueue((_count + 1, ids));
                if (_recent.Count > Remembered) _recent.Dequeue();
                Interlocked.Increment(ref _count);
            }
        }

        public bool TryChangedSince(long since, out IReadOnlySet<int> ids)
        {
            var changed = new HashSet<int>();
            ids = changed;
            lock (_lock)
            {
                if (since == _count) return true;
                if (since > _count || _recent.Count == 0 || _recent.Peek().Count > since + 1) return false;
                foreach (var (count, touched) in _recent)
                {
                    if (count <= since) continue;
                    if (touched is null) return false;
                    changed.UnionWith(touched);
                }
                return true;
            }
        }
    }
}
