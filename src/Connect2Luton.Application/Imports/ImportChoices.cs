using Connect2Luton.Application.Common;
using Connect2Luton.Application.RuleSets.Values;

namespace Connect2Luton.Application.Imports;

/// <summary>
/// The answers a column takes, as people write them: each value by its words ("Social care"), its code and the other
/// ways it is written ("Social work"), matched ignoring case, spaces and punctuation.
/// </summary>
public sealed class ImportChoices<T> where T : struct, Enum
{
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);

    public ImportChoices(IReadOnlyDictionary<T, string[]>? otherWords = null, Func<T, string>? words = null)
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var said = words?.Invoke(value) ?? CodeWords.Of(value.ToString());
            Words.Add(said);
            foreach (var written in (otherWords?.GetValueOrDefault(value) ?? []).Prepend(value.ToString()).Prepend(said))
                _byKey.TryAdd(ImportColumn.Key(written), value);
        }
    }

    /// <summary>The answers in words, in order, for the page and for messages.</summary>
    public List<string> Words { get; } = [];

    public string InWords => WordLists.Or(Words);

    public bool TryRead(string text, out T value) => _byKey.TryGetValue(ImportColumn.Key(text), out value);
}
