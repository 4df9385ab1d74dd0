using System.Collections.Concurrent;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// What this server knows of the rules history in the database: for each rule set, the newest version id it has
/// looked at and the number of the version it serves. A server checks the database every few seconds and reads a
/// version's text only when a newer id appears, so an idle check is one small grouped read.
/// </summary>
public sealed class ServedRuleVersions
{
    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    /// <summary>The number of the recorded version this server serves; null before it has matched one (a rule set not yet recorded).</summary>
    public int? NumberServing(string ruleSet) => _seen.TryGetValue(ruleSet, out var seen) ? seen.ServingNumber : null;

    internal int NewestSeen(string ruleSet) => _seen.TryGetValue(ruleSet, out var seen) ? seen.NewestId : 0;

    /// <summary>Notes the newest version id looked at, and the number now serving (unchanged where null).</summary>
    internal void Note(string ruleSet, int newestId, int? servingNumber) =>
        _seen.AddOrUpdate(ruleSet, _ => new Seen(newestId, servingNumber),
            (_, old) => new Seen(Math.Max(old.NewestId, newestId), servingNumber ?? old.ServingNumber));

    private sealed record Seen(int NewestId, int? ServingNumber);
}
