namespace Connect2Luton.Application.Imports;

/// <summary>
/// Reads the text of a CSV file into rows of cells (RFC 4180: comma separated, double quotes around a cell that
/// holds a comma or a quote). The text has passed <see cref="ImportFile.Check"/>: it is UTF-8, without a byte order
/// mark. Kept behind a port so the application names no CSV library.
/// </summary>
public interface ICsvFileReader
{
    CsvFileText Read(ReadOnlyMemory<byte> utf8);
}

/// <summary>
/// The file's records, the header first, each numbered as a spreadsheet shows it (the header is row 1; a cell that
/// runs over several lines is still one row), and where the quoting was broken.
/// </summary>
public sealed record CsvFileText(IReadOnlyList<CsvFileRow> Rows, IReadOnlyList<CsvQuoteProblem> QuoteProblems);

public sealed record CsvFileRow(int Number, IReadOnlyList<string> Cells);

/// <param name="NeverClosed">A quote opened and never closed: every row after it reads as part of one cell.</param>
public sealed record CsvQuoteProblem(int Row, bool NeverClosed);
