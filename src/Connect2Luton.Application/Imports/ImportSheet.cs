using System.Globalization;
using Connect2Luton.Application.Common;

namespace Connect2Luton.Application.Imports;

/// <summary>
/// A file's rows read against the columns of an import: the header matched (every column it must have, none it does
/// not know, none twice), blank rows passed over, and every cell checked before anything reads it. A cell that a
/// spreadsheet would run as a formula, that runs over several lines, or that holds hidden characters or markup is a
/// problem at its row and column and reads as blank.
/// </summary>
public sealed class ImportSheet
{
    /// <summary>Where a row's problem is not about one column: a row with more cells than the file has columns.</summary>
    public const string WholeRow = "Whole row";

    public const int MostCellLength = 1_000;

    private ImportSheet(IReadOnlyList<SheetRow> rows) => Rows = rows;

    public IReadOnlyList<SheetRow> Rows { get; }

    /// <summary>The sheet, or why the file as a whole cannot be imported (its header, its quoting, no rows, too many).</summary>
    /// <param name="rowsAre">What a row is, for messages: "workers", "placements".</param>
    public static (ImportSheet? Sheet, string? Problem) Read(CsvFileText text, IReadOnlyList<ImportColumn> columns, string rowsAre)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(columns);
        if (text.QuoteProblems.FirstOrDefault(q => q.NeverClosed) is { } unclosed)
            return (null, $"Row {unclosed.Row} opens a quote (\") that is never closed, so every row after it reads as one cell. Close the quote, or take it out, and upload the file again");
        if (text.QuoteProblems.Count > 0)
            return (null, $"The quotes (\") are broken in {RowsInWords(text.QuoteProblems.Select(q => q.Row).ToList())}: a cell in quotes must end at its closing quote. Save the file from the spreadsheet again as CSV UTF-8, or correct those rows, and upload it again");
        var header = text.Rows.Count > 0 ? text.Rows[0] : null;
        if (header is null || header.Cells.All(string.IsNullOrWhiteSpace)) return (null, ImportFile.Empty);

        var matched = new int[header.Cells.Count];
        Array.Fill(matched, -1);
        var unexpected = new List<string>();
        var twice = new List<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var heading = header.Cells[i];
            if (string.IsNullOrWhiteSpace(heading)) continue;
            var key = ImportColumn.Key(heading);
            var column = columns.Select((c, at) => (c, at)).FirstOrDefault(c => c.c.Keys.Contains(key));
            if (column.c is null) unexpected.Add(Shown(heading));
            else if (matched.Contains(column.at)) twice.Add(column.c.Heading);
            else matched[i] = column.at;
        }
        var missing = columns.Select((c, at) => (c, at)).Where(c => c.c.Required && !matched.Contains(c.at)).Select(c => c.c.Heading).ToList();
        var problems = new List<string>();
        if (header.Cells.Count == 1 && (header.Cells[0].Contains(';', StringComparison.Ordinal) || header.Cells[0].Contains('\t', StringComparison.Ordinal)))
            return (null, $"The columns are separated by {(header.Cells[0].Contains(';', StringComparison.Ordinal) ? "semicolons" : "tabs")}, not commas. Save the file as CSV UTF-8 (comma delimited) and upload it again");
        if (missing.Count > 0) problems.Add($"The file has no column for {WordLists.And(missing)}");
        if (unexpected.Count > 0) problems.Add($"The file has {(unexpected.Count == 1 ? "a column" : "columns")} this import does not read: {WordLists.And(unexpected)}");
        if (twice.Count > 0) problems.Add($"The file has more than one column for {WordLists.And(twice)}");
        if (problems.Count > 0)
            return (null, $"{string.Join(". ", problems)}. The first row must hold the template's headings (download it to see them)");

        var rows = new List<SheetRow>();
        foreach (var row in text.Rows.Skip(1))
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count == ImportFile.MostRows)
                return (null, string.Create(CultureInfo.InvariantCulture, $"The file has more than {ImportFile.MostRows:N0} rows of {rowsAre}. Split it into files of up to {ImportFile.MostRows:N0} rows and import each"));
            rows.Add(new SheetRow(row, columns, matched));
        }
        if (rows.Count == 0) return (null, $"The file has its headings but no rows of {rowsAre} under them");
        return (new ImportSheet(rows), null);
    }

    private static string RowsInWords(List<int> rows) =>
        rows.Count == 1 ? $"row {rows[0]}" : $"rows {WordLists.And(rows.Take(5).Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList())}{(rows.Count > 5 ? " and others" : string.Empty)}";

    // A heading as the page can show it: on one line, and not a page long.
    private static string Shown(string heading)
    {
        var plain = new string(heading.Trim().Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return $"\"{(plain.Length > 60 ? plain[..60] + "..." : plain)}\"";
    }
}

/// <summary>One row of a sheet: its cells by column, read as text, dates, amounts or choices, and its problems (the first for each column).</summary>
public sealed class SheetRow
{
    private readonly IReadOnlyList<ImportColumn> _columns;
    private readonly string?[] _cells;
    private readonly List<RowProblem> _problems = [];

    internal SheetRow(CsvFileRow row, IReadOnlyList<ImportColumn> columns, int[] matched)
    {
        Number = row.Number;
        _columns = columns;
        _cells = new string?[columns.Count];
        Present = matched.Where(m => m >= 0).Select(m => columns[m]).ToHashSet();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var raw = row.Cells[i];
            if (i >= matched.Length)
            {
                if (!string.IsNullOrWhiteSpace(raw)) Problem(ImportSheet.WholeRow, "This row has more cells than the file has columns: is there a comma in a cell that is not in quotes?");
                continue;
            }
            if (matched[i] < 0) continue;
            var column = columns[matched[i]];
            if (Unsafe(raw, column) is { } problem) Problem(column.Heading, problem, Spoils(problem));
            else _cells[matched[i]] = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
        }
    }

    /// <summary>The row as the spreadsheet numbers it (the header is row 1).</summary>
    public int Number { get; }

    /// <summary>The columns the file has.</summary>
    public IReadOnlySet<ImportColumn> Present { get; }

    public IReadOnlyList<RowProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public bool HasProblemAt(ImportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _problems.Exists(p => p.Column == column.Heading);
    }

    /// <summary>The cell, trimmed; null when blank, when the file has no such column, or when the cell was refused.</summary>
    public string? Text(ImportColumn column) => _cells[Index(column)];

    public void Problem(ImportColumn column, string message)
    {
        ArgumentNullException.ThrowIfNull(column);
        Problem(column.Heading, message);
    }

    public void Problem(string column, string message) => Problem(column, message, spoilsFile: false);

    private void Problem(string column, string message, bool spoilsFile)
    {
        if (_problems.Exists(p => p.Column == column)) return;
        _problems.Add(new RowProblem(Number, column, message, spoilsFile));
    }

    private static bool Spoils(string problem) =>
        problem.StartsWith(FormulaStart, StringComparison.Ordinal) || problem.StartsWith(OverLines, StringComparison.Ordinal);

    private const string FormulaStart = "This cell starts with ";
    private const string OverLines = "This cell runs over more than one line";

    public DateOnly? Date(ImportColumn column)
    {
        if (Text(column) is not { } text) return null;
        if (ImportText.TryDate(text, out var date)) return date;
        Problem(column, $"Enter the date {ImportText.DateForm}");
        return null;
    }

    public decimal? Amount(ImportColumn column, string example)
    {
        if (Text(column) is not { } text) return null;
        if (ImportText.TryNumber(text, out var number)) return number;
        Problem(column, $"Enter a number, like {example}");
        return null;
    }

    /// <summary>Yes or no; blank is no.</summary>
    public bool YesNo(ImportColumn column)
    {
        if (Text(column) is not { } text) return false;
        if (ImportText.TryYesNo(text, out var yes)) return yes;
        Problem(column, "Enter Yes or No");
        return false;
    }

    public T? Choice<T>(ImportColumn column, ImportChoices<T> choices) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (Text(column) is not { } text) return null;
        if (choices.TryRead(text, out var value)) return value;
        Problem(column, $"Enter {choices.InWords}");
        return null;
    }

    private int Index(ImportColumn column)
    {
        for (var i = 0; i < _columns.Count; i++) if (ReferenceEquals(_columns[i], column)) return i;
        throw new ArgumentException($"The column {column.Heading} is not one of this import's.", nameof(column));
    }

    /// <summary>Why a cell cannot be read as it is, whatever its column; null when it can.</summary>
    private static string? Unsafe(string raw, ImportColumn column)
    {
        if (raw.Length == 0) return null;
        if (raw.Contains('\n', StringComparison.Ordinal) || raw.Contains('\r', StringComparison.Ordinal))
            return raw.TrimStart(' ').StartsWith('\r') ? Formula(raw) : OverLines + " (a line break inside quotes): put it on one line";
        if (raw[0] == '\t') return Formula(raw);
        // Trimmed as the cell is kept (every kind of space), so a no-break space cannot hide a formula's first character.
        var text = raw.Trim();
        if (text.Length > ImportSheet.MostCellLength) return string.Create(CultureInfo.InvariantCulture, $"This cell is longer than {ImportSheet.MostCellLength:N0} characters");
        if (text.Length > 0 && (text[0] is '=' or '@' || (text[0] is '+' or '-' && !PlainNumber(text)))) return Formula(text);
        if (text.Contains('\uFEFF', StringComparison.Ordinal)) return "This cell has a byte order mark (an invisible character) in it: retype the cell";
        if (text.Any(char.IsControl)) return "This cell has hidden control characters: retype the cell";
        if (text.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Format))
            return "This cell has hidden characters in it (a zero-width space or a direction mark): retype the cell";
        if (text.IndexOfAny(['<', '>']) >= 0) return $"{column.Heading} must not contain < or >";
        return null;
    }

    private static string Formula(string text) =>
        $"{FormulaStart}{(text[0] switch { '\t' => "a tab", '\r' => "a line break", var c => $"\"{c}\"" })}, so a spreadsheet would run it as a formula: type the value itself";

    // "-12.50" or "+44 7700 900982" are numbers, not formulas; "-2+3" or "+cmd|..." are not numbers.
    private static bool PlainNumber(string text)
    {
        var digits = text[1..].Replace(" ", string.Empty, StringComparison.Ordinal);
        return digits.Length > 0 && char.IsAsciiDigit(digits[0]) && digits.Count(c => c == '.') <= 1 && digits.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}
