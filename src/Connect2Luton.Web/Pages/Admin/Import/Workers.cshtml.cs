using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Import;

/// <summary>
/// Bringing workers in from a CSV file: the template, what each column takes, and the upload. The request may be
/// larger than a file may be (<see cref="ImportFile.MostRequestBytes"/>), so a file that is too large is read to
/// its end and refused with the limit on this page, rather than cut off by the server with an error page.
/// </summary>
[Authorize(Policy = Permissions.ImportData)]
[RequestSizeLimit(ImportFile.MostRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MostRequestBytes)]
[RefuseLargerThan(ImportFile.MostRequestBytes)]
public sealed class WorkersModel(DataImports imports, ImportGuides guides) : PageModel, IImportUploadPage
{
    /// <summary>The file chosen, posted as the field the import's messages are about.</summary>
    [BindProperty(Name = DataImports.FileField)]
    public IFormFile? Upload { get; set; }

    public ImportGuide Guide { get; private set; } = null!;

    public string Rows => "workers";

    public string Address => "/Admin/Import/Workers";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Guide = await guides.ForAsync(ImportKind.Workers, cancellationToken);

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken) => new ImportTemplate(await guides.ForAsync(ImportKind.Workers, cancellationToken));

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        this.UploadAsync(imports, ImportKind.Workers, Upload, () => OnGetAsync(cancellationToken), cancellationToken);
}
