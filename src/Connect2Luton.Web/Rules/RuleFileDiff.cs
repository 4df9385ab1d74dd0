using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder.Model;
using DiffPlex.Model;

namespace Connect2Luton.Web.Rules;

/// <summary>
/// Two versions of a rule file side by side, line by line, as DiffPlex compares them: the changed lines with a few
/// unchanged ones around each, and every other unchanged run folded into one row saying how many lines it holds.
/// </summary>
public sealed class RuleFileDiff
{
    /// <summary>Unchanged lines kept on each side of a change, so it can be read in place.</summary>
    public const int Context = 3;

    /// <summary>
    /// The most lines, both versions together, compared line by line once their shared first and last lines are set
    /// aside. Comparing costs up to lines times differences, so two files of thousands of short lines that differ
    /// throughout would take seconds; past this the middle is shown as replaced whole.
    /// </summary>
    public const int MostComparedLines = 4_000;

    private RuleFileDiff(string beforeTitle, string afterTitle, IReadOnlyList<DiffRow> rows, bool comparedWhole, int changed)
    {
        Changed = changed;
        BeforeTitle = beforeTitle;
        AfterTitle = afterTitle;
        Rows = rows;
        ComparedWhole = comparedWhole;
    }

    public string BeforeTitle { get; }
    public string AfterTitle { get; }
    public IReadOnlyList<DiffRow> Rows { get; }

    /// <summary>False when the versions differ over more lines than are compared one by one: the middle is shown replaced whole.</summary>
    public bool ComparedWhole { get; }

    /// <summary>How many rows differ, shown or folded.</summary>
    public int Changed { get; }

    /// <param name="whole">Every line, unchanged runs unfolded, for a reader who asked to see the whole file.</param>
    public static RuleFileDiff Between(string beforeTitle, string before, string afterTitle, string after, bool whole = false)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = before.Split('\n');
        var b = after.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var rows = new List<DiffRow>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++) rows.Add(DiffRow.Same(i, i, a[i]));
        var (middleA, middleB) = (a.Length - prefix - suffix, b.Length - prefix - suffix);
        var comparedWhole = middleA + middleB <= MostComparedLines;
        // Lines only added or only removed need no comparing; nor do lines past the most compared.
        IList<DiffBlock> blocks = middleA == 0 && middleB == 0 ? []
            : !comparedWhole || middleA == 0 || middleB == 0 ? [new DiffBlock(0, middleA, 0, middleB)]
            : Differ.Instance.CreateDiffs(string.Join('\n', a, prefix, middleA), string.Join('\n', b, prefix, middleB), false, false, NewlineChunker.Instance).DiffBlocks;
        var (atA, atB) = (0, 0);
        foreach (var block in blocks)
        {
            for (; atA < block.DeleteStartA; atA++, atB++) rows.Add(DiffRow.Same(prefix + atA, prefix + atB, a[prefix + atA]));
            for (var k = 0; k < Math.Max(block.DeleteCountA, block.InsertCountB); k++)
            {
                var removed = k < block.DeleteCountA ? a[prefix + block.DeleteStartA + k] : null;
                var added = k < block.InsertCountB ? b[prefix + block.InsertStartB + k] : null;
                var kind = removed is not null && added is not null ? ChangeType.Modified : (ChangeType?)null;
                rows.Add(new DiffRow(
                    removed is null ? Line.None : new Line(prefix + block.DeleteStartA + k + 1, removed, kind ?? ChangeType.Deleted),
                    added is null ? Line.None : new Line(prefix + block.InsertStartB + k + 1, added, kind ?? ChangeType.Inserted)));
            }
            atA = block.DeleteStartA + block.DeleteCountA;
            atB = block.InsertStartB + block.InsertCountB;
        }
        for (; atA < middleA; atA++, atB++) rows.Add(DiffRow.Same(prefix + atA, prefix + atB, a[prefix + atA]));
        for (var i = 0; i < suffix; i++) rows.Add(DiffRow.Same(a.Length - suffix + i, b.Length - suffix + i, a[a.Length - suffix + i]));
        return new RuleFileDiff(beforeTitle, afterTitle, whole ? Bounded(rows) : Fold(rows), comparedWhole, rows.Count(r => !r.IsSame));
    }

    /// <summary>The most rows of one run of changed lines shown: its first lines and its last, the rest counted.</summary>
    public const int MostRowsOfARun = 120;

    /// <summary>The most rows a comparison shows in all; past it the rest is counted in one row.</summary>
    public const int MostRows = 2_000;

    // Unchanged runs longer than the context either side become one row; so do the middles of very long changed
    // runs (a file padded with thousands of blank lines), and whatever is left past the most rows in all. Every
    // line is still shown or counted, and a page of a comparison stays a few hundred kilobytes at most.
    private static List<DiffRow> Fold(List<DiffRow> rows)
    {
        var near = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].IsSame) continue;
            for (var j = Math.Max(0, i - Context); j <= Math.Min(rows.Count - 1, i + Context); j++) near[j] = true;
        }
        var folded = new List<DiffRow>();
        for (var i = 0; i < rows.Count;)
        {
            var start = i;
            if (!near[i])
            {
                while (i < rows.Count && !near[i]) i++;
                folded.Add(DiffRow.Fold(i - start, changed: false));
                continue;
            }
            if (rows[i].IsSame)
            {
                folded.Add(rows[i++]);
                continue;
            }
            while (i < rows.Count && !rows[i].IsSame) i++;
            var run = i - start;
            if (run <= MostRowsOfARun)
            {
                folded.AddRange(rows.GetRange(start, run));
                continue;
            }
            const int tail = 20;
            folded.AddRange(rows.GetRange(start, MostRowsOfARun - tail));
            folded.Add(DiffRow.Fold(run - MostRowsOfARun, changed: true));
            folded.AddRange(rows.GetRange(i - tail, tail));
        }
        if (folded.Count <= MostRows) return folded;
        var rest = folded.Skip(MostRows - 1).Sum(r => r.Folded ?? 1);
        return [.. folded.Take(MostRows - 1), DiffRow.Fold(rest, changed: true)];
    }

    // The whole file still stops at the most rows a page shows, the rest counted in one row.
    private static List<DiffRow> Bounded(List<DiffRow> rows) =>
        rows.Count <= MostRows ? rows : [.. rows.Take(MostRows - 1), DiffRow.Fold(rows.Count - (MostRows - 1), changed: rows.Skip(MostRows - 1).Any(r => !r.IsSame))];

    /// <summary>Splits at line feeds alone, exactly as the versions were split, so the differ's line numbers are theirs.</summary>
    private sealed class NewlineChunker : IChunker
    {
        public static NewlineChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split('\n');
    }

    /// <param name="Folded">For a row standing for lines not shown: how many.</param>
    /// <param name="FoldsChanges">The lines not shown include changed ones (not only unchanged).</param>
    public sealed record DiffRow(Line Before, Line After, int? Folded = null, bool FoldsChanges = false)
    {
        public bool IsSame => Before.Kind == ChangeType.Unchanged && After.Kind == ChangeType.Unchanged;

        public static DiffRow Same(int before, int after, string text) => new(new Line(before + 1, text, ChangeType.Unchanged), new Line(after + 1, text, ChangeType.Unchanged));

        public static DiffRow Fold(int lines, bool changed) =>
            new(Line.None with { Kind = ChangeType.Unchanged }, Line.None with { Kind = ChangeType.Unchanged }, lines, changed);
    }

    public sealed record Line(int? Number, string Text, ChangeType Kind)
    {
        public static Line None { get; } = new(null, string.Empty, ChangeType.Imaginary);

        /// <summary>What the change is, in words, for people who cannot see the colours.</summary>
        public string? Words => Kind switch
        {
            ChangeType.Deleted => "removed",
            ChangeType.Inserted => "added",
            ChangeType.Modified => "changed",
            _ => null,
        };
    }
}
