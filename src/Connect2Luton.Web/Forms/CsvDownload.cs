using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A list as a CSV file, written row by row as it is read. Rows are [CsvRecord] types, mapped at compile time by
/// CsvHelper's generator.
/// </summary>
public sealed class CsvDownload<T>(string fileName, IAsyncEnumerable<T> rows) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) =>
        CsvResponse.WriteAsync(context, fileName, (csv, cancellation) => csv.WriteRecordsAsync(rows, cancellation));
}

/// <summary>
/// Every CSV file the app hands out, written one way: UTF-8 with the byte order mark Excel looks for (so £ and accents
/// open intact), as an attachment, and text cells that a spreadsheet would run as a formula (starting =, +, -, @)
/// escaped: the data came from people and is opened by people.
/// </summary>
internal static class CsvResponse
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    public static async Task WriteAsync(ActionContext context, string fileName, Func<CsvWriter, CancellationToken, ValueTask> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var cancellation = context.HttpContext.RequestAborted;
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        await write(csv, cancellation);
        await csv.FlushAsync(cancellation);
    }
}
