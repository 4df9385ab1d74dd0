using System.Collections.Concurrent;

namespace Connect2Luton.Load;

/// <summary>What the clients were told was saved: the database must hold exactly this afterwards.</summary>
internal sealed class Ledger
{
    public ConcurrentDictionary<int, string> RaisedRequisitions { get; } = new();
    public ConcurrentDictionary<int, string> AddedWorkers { get; } = new();

    /// <summary>Each shared record's saved edits (the text each wrote), keyed "Requisitions 12" or "Workers 40".</summary>
    public ConcurrentDictionary<string, ConcurrentBag<string>> SavedEdits { get; } = new(StringComparer.Ordinal);

    /// <summary>Each submission reported made: the vacancy and contested person it was for, and the candidate record put forward.</summary>
    public ConcurrentBag<(int Vacancy, int Person, int Candidate)> PutForwardPeople { get; } = [];

    private int _conflicts;
    private int _refused;

    public int RefusedAsAlreadyPutForward => _refused;

    public void PutForward(int vacancy, int person, int candidate) => PutForwardPeople.Add((vacancy, person, candidate));

    public void Refused() => Interlocked.Increment(ref _refused);

    public int Conflicts => _conflicts;

    public void Conflict() => Interlocked.Increment(ref _conflicts);

    public void Saved(string record, string text) => SavedEdits.GetOrAdd(record, _ => []).Add(text);
}
