using Connect2Luton.Application.Imports;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// The template of a file to import: the headings and one example row, as CSV UTF-8 with the byte order mark Excel
/// looks for, so it opens in a spreadsheet with £ and accents intact and is saved back the same way.
/// </summary>
public sealed class ImportTemplate(ImportGuide guide) : IActionResult
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
        response.Headers.ContentDisposition = $"attachment; filename=\"{guide.FileName}\"";
        var cancellation = context.HttpContext.RequestAborted;
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(guide.Columns.Select(c => c.Heading).ToArray(), cancellation);
        await csv.WriteRecordAsync(guide.Example.ToArray(), cancellation);
        await csv.FlushAsync(cancellation);
    }
}
