using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Connect2Luton.Domain.Imports;

namespace Connect2Luton.Application.Imports;

/// <summary>
/// The checks a file gets before any row of it is read: its size, that it is a CSV file at all and not a workbook,
/// and that its text is UTF-8. A byte order mark at the very start is what Excel writes when it saves "CSV UTF-8",
/// so it is taken off and the file read; anywhere else, or in UTF-16 or UTF-32, the file is refused, as is text
/// saved in another encoding (Windows-1252 writes £ and ’ as single bytes that are not UTF-8).
/// </summary>
public static class ImportFile
{
    public const int MostBytes = ImportUpload.MostBytes;

    /// <summary>What an upload may weigh on the wire (the file, its form and multipart headers): room to read a file too large and say so.</summary>
    public const long MostRequestBytes = 100L * 1024 * 1024;

    public const int MostRows = 20_000;

    public static string Limit => $"{MostBytes / (1024 * 1024)} MB";

    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16Little => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16Big => [0xFE, 0xFF];
    private static ReadOnlySpan<byte> Utf32Big => [0x00, 0x00, 0xFE, 0xFF];

    private static readonly string SaveAsUtf8 = "Save the file as CSV UTF-8 and upload it again (in Excel: File, Save As, and choose \"CSV UTF-8 (Comma delimited)\")";

    public static string TooLarge(long length) =>
        string.Create(CultureInfo.InvariantCulture, $"The file is {Megabytes(length)}: a file to import can be at most {Limit}. Split it into smaller files and import each");

    public static string Empty => "The file is empty. Download the template, fill it in and upload it";

    /// <summary>The file's text, without the byte order mark Excel writes; or why the file cannot be read at all.</summary>
    public static (ReadOnlyMemory<byte> Text, string? Problem) Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MostBytes) return (default, TooLarge(content.Length));
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith("PK\x03\x04"u8))
            return (default, "This is a workbook (an .xlsx or .ods file), not a CSV file. " + SaveAsUtf8);
        if (bytes.StartsWith(Utf16Little) || bytes.StartsWith(Utf16Big) || bytes.StartsWith(Utf32Big))
            return (default, "The file is saved as Unicode text (UTF-16 or UTF-32), which this import does not read. " + SaveAsUtf8);
        var start = bytes.StartsWith(Utf8Mark) ? 3 : 0;
        var text = content.AsMemory(start);
        if (text.Span.Trim(" \t\r\n"u8).IsEmpty) return (default, Empty);
        if (!Utf8.IsValid(text.Span))
            return (default, $"Row {RowAt(text.Span, FirstInvalid(text.Span))} has characters that are not UTF-8: the file was saved as Windows or ANSI text, where £ and ’ are written differently. " + SaveAsUtf8);
        var mark = text.Span.IndexOf(Utf8Mark);
        if (mark >= 0)
            return (default, $"Row {RowAt(text.Span, mark)} has a byte order mark (an invisible character that only starts a file) part-way through: were two files joined together? Save the rows again as one CSV UTF-8 file and upload it");
        if (text.Span.IndexOf((byte)0) >= 0)
            return (default, $"Row {RowAt(text.Span, text.Span.IndexOf((byte)0))} has a null character: this is not a text file. " + SaveAsUtf8);
        return (text, null);
    }

    /// <summary>SHA-256 of the file as uploaded, in hex.</summary>
    public static string Hash(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static int FirstInvalid(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[at..], out _, out var used) != System.Buffers.OperationStatus.Done) return at;
            at += used;
        }
        return at;
    }

    // Rows as a spreadsheet numbers them: line breaks before the offset, plus one.
    private static int RowAt(ReadOnlySpan<byte> text, int offset) => text[..Math.Min(offset, text.Length)].Count((byte)'\n') + 1;

    private static string Megabytes(long length) =>
        length >= 1024 * 1024 ? $"{length / (1024.0 * 1024.0):0.#} MB" : $"{Math.Max(1, length / 1024):0} KB";
}
