using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A list as a CSV file, written row by row as it is read. Text cells that a spreadsheet would run as a formula
/// (starting =, +, -, @) are escaped: the data came from people and is opened by people. Rows are
/// [CsvRecord] types, mapped at compile time by CsvHelper's generator.
/// </summary>
public sealed class CsvDownload<T>(string fileName, IAsyncEnumerable<T> rows) : IActionResult
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        await csv.WriteRecordsAsync(rows, context.HttpContext.RequestAborted);
        await csv.FlushAsync(context.HttpContext.RequestAborted);
    }
}
