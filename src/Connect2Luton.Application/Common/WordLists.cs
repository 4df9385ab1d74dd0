namespace Connect2Luton.Application.Common;

/// <summary>Lists as a sentence says them: "A, B and C", "A, B or C".</summary>
public static class WordLists
{
    public static string And(IReadOnlyList<string> words) => Joined(words, "and");

    public static string Or(IReadOnlyList<string> words) => Joined(words, "or");

    private static string Joined(IReadOnlyList<string> words, string last)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Count <= 1 ? string.Concat(words) : $"{string.Join(", ", words.Take(words.Count - 1))} {last} {words[^1]}";
    }
}
