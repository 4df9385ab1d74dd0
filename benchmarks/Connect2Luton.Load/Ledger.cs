using System.Collections.Concurrent;

namespace Connect2Luton.Load;

/// <summary>What the clients were told was saved: the database must hold exactly this afterwards.</summary>
internal sealed class Ledger
{
    public ConcurrentDictionary<int, string> RaisedRequisitions { get; } = new();
    public ConcurrentDictionary<int, string> AddedWorkers { get; } = new();

    /// <summary>Each shared record's saved edits (the text each wrote), keyed "Requisitions 12" or "Workers 40".</summary>
    public ConcurrentDictionary<string, ConcurrentBag<string>> SavedEdits { get; } = new(StringComparer.Ordinal);

    private int _conflicts;

    public int Conflicts => _conflicts;

    public void Conflict() => Interlocked.Increment(ref _conflicts);

    public void Saved(string record, string text) => SavedEdits.GetOrAdd(record, _ => []).Add(text);
}
