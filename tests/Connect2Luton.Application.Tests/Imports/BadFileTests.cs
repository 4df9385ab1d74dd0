using System.Text;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Imports;

/// <summary>
/// Files that cannot be imported as files are refused at the upload with a message that says what to do, and leave
/// nothing behind: no upload kept, no worker saved. A byte order mark at the start (what Excel writes for CSV UTF-8)
/// is read as any other file.
/// </summary>
public sealed class BadFileTests : ImportFixture
{
    private static readonly Encoding Windows1252 = CodePagesEncoding();

    public static TheoryData<string, string> Refused => new()
    {
        { "empty", "The file is empty" },
        { "blank lines", "The file is empty" },
        { "headings only", "The file has its headings but no rows of workers under them" },
        { "wrong columns", "The file has no column for Email and Postcode. The file has columns this import does not read: \"Mail\", \"Zip\" and \"Salary\". The first row must hold the template's headings" },
        { "a column twice", "The file has more than one column for Last name" },
        { "semicolons", "The columns are separated by semicolons, not commas. Save the file as CSV UTF-8 (comma delimited)" },
        { "Windows-1252", "Row 3 has characters that are not UTF-8: the file was saved as Windows or ANSI text, where £ and ’ are written differently. Save the file as CSV UTF-8 and upload it again" },
        { "UTF-16", "The file is saved as Unicode text (UTF-16 or UTF-32), which this import does not read. Save the file as CSV UTF-8" },
        { "a byte order mark part-way", "Row 5 has a byte order mark (an invisible character that only starts a file) part-way through" },
        { "a workbook", "This is a workbook (an .xlsx or .ods file), not a CSV file. Save the file as CSV UTF-8" },
        { "a quote never closed", "Row 3 opens a quote (\") that is never closed, so every row after it reads as one cell" },
        { "text after a closing quote", "The quotes (\") are broken in row 2: a cell in quotes must end at its closing quote" },
        { "a null character", "Row 2 has a null character: this is not a text file" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_cannot_be_read_is_refused_at_the_upload_saying_why_and_keeps_nothing(string kind, string message)
    {
        var result = await UploadAsync(ImportKind.Workers, File(kind), "workers.csv");

        result.Status.ShouldBe(CommandStatus.Invalid);
        result.Errors[DataImports.FileField].ShouldStartWith(message);
        (await CountAsync(new RecentUploadsSpec(20))).ShouldBe(0, "nothing is kept of a refused file");
        (await CountAsync(new WorkerKeysSpec())).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_by_its_length_before_any_of_it_is_read()
    {
        await using var scope = Services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<DataImports>();
        using var unread = new UnreadableStream();

        var result = await imports.UploadAsync(ImportKind.Workers, "huge.csv", 50L * 1024 * 1024, unread, CancellationToken.None);

        result.Errors[DataImports.FileField].ShouldBe("The file is 50 MB: a file to import can be at most 10 MB. Split it into smaller files and import each");
        // A stream that claims less than it holds is cut off at the limit all the same.
        var lying = new MemoryStream(new byte[ImportFile.MostBytes + 10]);
        (await imports.UploadAsync(ImportKind.Workers, "liar.csv", 10, lying, CancellationToken.None)).Errors[DataImports.FileField].ShouldStartWith("The file is 10 MB: a file to import can be at most 10 MB");
        (await CountAsync(new RecentUploadsSpec(20))).ShouldBe(0);
    }

    [Fact]
    public async Task A_byte_order_mark_at_the_start_is_what_excel_writes_and_is_read_as_any_file()
    {
        var rows = Workers(2);
        var withMark = ImportFiles.Csv(ImportFiles.WorkerHeadings, rows, byteOrderMark: true);
        var without = ImportFiles.Csv(ImportFiles.WorkerHeadings, rows, byteOrderMark: false);

        (await PreviewAsync((await UploadAsync(ImportKind.Workers, withMark)).Id)).Adding.ShouldBe(2);
        (await PreviewAsync((await UploadAsync(ImportKind.Workers, without)).Id)).Adding.ShouldBe(2);
    }

    [Fact]
    public async Task Headings_are_matched_ignoring_case_spaces_and_punctuation_and_optional_columns_may_be_left_out()
    {
        var rows = Workers(1);
        string[] headings = ["external_reference", " FIRST NAME ", "Surname", "e-mail", "Postcode", "Job family", "Supplied by", "Right to work checked on"];
        var renamed = new Dictionary<string, string>
        {
            ["external_reference"] = rows[0]["External reference"], [" FIRST NAME "] = "Amira", ["Surname"] = "Hussain", ["e-mail"] = "amira@example.com",
            ["Postcode"] = "LU1 3JH", ["Job family"] = "SOCIAL CARE", ["Supplied by"] = Where.Agency.Name.ToUpperInvariant(), ["Right to work checked on"] = "23/11/2025",
        };

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Workers, ImportFiles.Csv(headings, [renamed]))).Id);

        preview.Problems.ShouldBeEmpty();
        preview.Adding.ShouldBe(1);
    }

    [Fact]
    public async Task A_cell_that_starts_like_a_formula_is_refused_but_a_phone_number_or_a_negative_amount_is_read_as_what_it_is()
    {
        var rows = Workers(6);
        rows[0]["Phone"] = "+44 7700 900982";
        rows[1]["Phone"] = "+44 7700 900982+cmd";
        rows[2]["Previous council"] = "@SUM(1+1)*cmd|' /C calc'!A0";
        rows[3]["Registration number"] = "\tSW123456";
        rows[4]["First name"] = "-2+3";
        rows[5]["Email"] = "  =1+1";

        var preview = await PreviewAsync((await UploadAsync(ImportKind.Workers, ImportFiles.WorkersFile(rows))).Id);

        preview.Problems.Select(p => (p.Row, p.Column, p.Message[..Math.Min(p.Message.Length, 28)])).ShouldBe(
        [
            (3, "Phone", "This cell starts with \"+\", s"),
            (4, "Previous council", "This cell starts with \"@\", s"),
            (5, "Registration number", "This cell starts with a tab,"),
            (6, "First name", "This cell starts with \"-\", s"),
            (7, "Email", "This cell starts with \"=\", s"),
        ]);
        preview.Rows.Single(r => r.Row == 2).Outcome.ShouldBe(RowOutcome.Add, "+44 and digits is a phone number");
    }

    private byte[] File(string kind)
    {
        var rows = Workers(3);
        var good = ImportFiles.WorkersFile(rows);
        var text = Encoding.UTF8.GetString(good.AsSpan(3));
        var lines = text.Split("\r\n");
        return kind switch
        {
            "empty" => [],
            "blank lines" => Encoding.UTF8.GetBytes("\r\n\r\n  \r\n"),
            "headings only" => Encoding.UTF8.GetBytes(lines[0] + "\r\n"),
            "wrong columns" => Encoding.UTF8.GetBytes(text.Replace("Email", "Mail", StringComparison.Ordinal).Replace("Postcode", "Zip", StringComparison.Ordinal)
                .Replace("Left council post on\r\n", "Left council post on,Salary\r\n", StringComparison.Ordinal)),
            "a column twice" => Encoding.UTF8.GetBytes(text.Replace("Phone", "Surname", StringComparison.Ordinal)),
            "semicolons" => Encoding.UTF8.GetBytes(text.Replace(",", ";", StringComparison.Ordinal)),
            "Windows-1252" => Windows1252.GetBytes(string.Join("\r\n", lines[0], lines[1], lines[2].Replace(rows[1]["First name"], "Siân’s £", StringComparison.Ordinal), lines[3])),
            "UTF-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "a byte order mark part-way" => [.. good, .. good],
            "a workbook" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. Encoding.ASCII.GetBytes("[Content_Types].xml")],
            "a quote never closed" => Encoding.UTF8.GetBytes(string.Join("\r\n", lines[0], lines[1], lines[2].Replace(rows[1]["First name"], "\"Sian", StringComparison.Ordinal), lines[3])),
            "text after a closing quote" => Encoding.UTF8.GetBytes(string.Join("\r\n", lines[0], lines[1].Replace(rows[0]["First name"], "\"Sian\"ed", StringComparison.Ordinal), lines[2])),
            "a null character" => Encoding.UTF8.GetBytes(string.Join("\r\n", lines[0], lines[1] + "\0", lines[2])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    // Windows-1252 as Excel saves "CSV (Comma delimited)" on a UK machine: .NET has it once the code pages are registered.
    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private sealed class UnreadableStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new ShouldAssertException("a file over the limit is not read");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
