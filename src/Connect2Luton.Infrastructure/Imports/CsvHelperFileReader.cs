using Connect2Luton.Application.Imports;
using CsvHelper;

namespace Connect2Luton.Infrastructure.Imports;

/// <summary>
/// Reads a file to import with CsvHelper: comma separated, RFC 4180 quoting. Every record is kept, empty lines too, so
/// each is numbered as a spreadsheet numbers its rows; a quoted cell may hold a line break (and is refused for it
/// by the import, which can then say which cell). Broken quoting is recovered from and reported with its row: a
/// stray quote inside a cell is kept as text, while text after a closing quote or a quote never closed is the
/// file's problem.
/// </summary>
internal sealed class CsvHelperFileReader : ICsvFileReader
{
    public CsvFileText Read(ReadOnlyMemory<byte> utf8)
    {
        var problems = new List<CsvQuoteProblem>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            // A record is a row of a dozen or so cells: one of a megabyte is a quote left open, not a row.
            MaxRecordSize = 1024 * 1024,
            OnMalformedRecord = record =>
            {
                if (record.Reason is CsvMalformedReason.TextAfterClosingQuote or CsvMalformedReason.UnterminatedQuote)
                    problems.Add(new CsvQuoteProblem((int)record.RecordNumber, record.Reason == CsvMalformedReason.UnterminatedQuote));
            },
        };
        var rows = new List<CsvFileRow>();
        try
        {
            using var reader = CsvReader.Create(utf8, options);
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i) ?? string.Empty;
                rows.Add(new CsvFileRow((int)reader.RowNumber, cells));
            }
        }
        catch (CsvFormatException tooLong)
        {
            // Only a record past MaxRecordSize throws with Recover: a quote opened and never closed.
            problems.Add(new CsvQuoteProblem((int)Math.Max(tooLong.RecordNumber, rows.Count + 1), NeverClosed: true));
        }
        return new CsvFileText(rows, problems);
    }
}
