using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Imports;

namespace Connect2Luton.Application.Imports;

public enum RowOutcome
{
    /// <summary>A new record.</summary>
    Add,

    /// <summary>A record brought in before, changed by this row.</summary>
    Update,

    /// <summary>A record brought in before, which this row leaves as it is.</summary>
    Unchanged,

    /// <summary>Left out: the row has problems.</summary>
    Problem,
}

/// <summary>What importing one row would do: to whom, and what the person should know (what changes, who must sign it off), or its problems.</summary>
/// <param name="Subject">Who or what the row is, in words: "Amira Hussain (W-00123)".</param>
/// <param name="WaitsForSignOff">A placement over its cap with no sign-off recorded: it is saved waiting for the posts the rules name.</param>
public sealed record ImportRowView(int Row, string Subject, RowOutcome Outcome, IReadOnlyList<string> Notes, IReadOnlyList<RowProblem> Problems, bool WaitsForSignOff = false);

/// <summary>An upload checked against the data as it is now: every row and what importing it would do, or what it did.</summary>
/// <param name="Version">
/// What the preview says, in one value: a confirmation carries it, and is refused as out of date when checking the
/// file again says anything else.
/// </param>
public sealed record ImportPreview(
    int UploadId, ImportKind Kind, string FileName, string UploadedBy, DateTimeOffset UploadedAt, IReadOnlyList<ImportRowView> Rows, string Version, ImportDone? Done)
{
    public int Adding => Rows.Count(r => r.Outcome == RowOutcome.Add);
    public int Updating => Rows.Count(r => r.Outcome == RowOutcome.Update);
    public int Unchanged => Rows.Count(r => r.Outcome == RowOutcome.Unchanged);
    public int WithProblems => Rows.Count(r => r.Outcome == RowOutcome.Problem);
    public int WaitingForSignOff => Rows.Count(r => r.WaitsForSignOff && r.Outcome == RowOutcome.Add);

    /// <summary>Rows that importing saves: those added and those updated; none from a file with a formula or a cell over lines.</summary>
    public int ToImport => Spoiled ? 0 : Adding + Updating;

    /// <summary>The file has a cell a spreadsheet would run as a formula, or one over lines: nothing in it is imported until it is corrected.</summary>
    public bool Spoiled => Rows.Any(r => r.Problems.Any(p => p.SpoilsFile));

    public IEnumerable<RowProblem> Problems => Rows.SelectMany(r => r.Problems);
}

/// <summary>An upload already imported: what it came to, who imported it and when.</summary>
public sealed record ImportDone(string Outcome, string By, DateTimeOffset At);

/// <summary>A file's rows checked, and how to save what can be saved: in one transaction, with the unit of work's saves.</summary>
internal sealed record ImportPlan(IReadOnlyList<ImportRowView> Rows, Func<IUnitOfWork, CancellationToken, Task<SaveResult>> Save, Func<string> Outcome);
