using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Connect2Luton.Web.Rules;

/// <summary>Two versions of a rule file side by side, line by line, as DiffPlex compares them.</summary>
public sealed class RuleFileDiff
{
    private RuleFileDiff(string beforeTitle, string afterTitle, IReadOnlyList<DiffRow> rows)
    {
        BeforeTitle = beforeTitle;
        AfterTitle = afterTitle;
        Rows = rows;
    }

    public string BeforeTitle { get; }
    public string AfterTitle { get; }
    public IReadOnlyList<DiffRow> Rows { get; }

    public int Changed => Rows.Count(r => r.Before.Kind != ChangeType.Unchanged || r.After.Kind != ChangeType.Unchanged);

    public static RuleFileDiff Between(string beforeTitle, string before, string afterTitle, string after)
    {
        var model = SideBySideDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var rows = model.OldText.Lines.Zip(model.NewText.Lines, (old, @new) => new DiffRow(Line.From(old), Line.From(@new))).ToList();
        return new RuleFileDiff(beforeTitle, afterTitle, rows);
    }

    public sealed record DiffRow(Line Before, Line After);

    public sealed record Line(int? Number, string Text, ChangeType Kind)
    {
        public static Line From(DiffPiece piece) => new(piece.Position, piece.Text ?? string.Empty, piece.Type);

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
