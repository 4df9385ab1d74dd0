using Connect2Luton.Application.Imports;
using Microsoft.AspNetCore.Mvc;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// The template of a file to import: the headings and one example row, as every CSV file the app hands out is
/// written (<see cref="CsvResponse"/>), so it opens in a spreadsheet with £ and accents intact and is saved back the
/// same way.
/// </summary>
public sealed class ImportTemplate(ImportGuide guide) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) =>
        CsvResponse.WriteAsync(context, guide.FileName, async (csv, cancellation) =>
        {
            await csv.WriteRecordAsync(guide.Columns.Select(c => c.Heading).ToArray(), cancellation);
            await csv.WriteRecordAsync(guide.Example.ToArray(), cancellation);
        });
}
