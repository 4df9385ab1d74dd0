using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Import;

/// <summary>
/// The page for one kind of file: its template, what each column takes, and the upload. Each kind says which it is,
/// and carries the size limits and permission itself.
/// </summary>
public abstract class ImportUploadPage(DataImports imports, ImportGuides guides, ImportKind kind) : PageModel, IImportUploadPage
{
    /// <summary>The file chosen, posted as the field the import's messages are about.</summary>
    [BindProperty(Name = DataImports.FileField)]
    public IFormFile? Upload { get; set; }

    public ImportGuide Guide { get; private set; } = null!;

    public abstract string Rows { get; }

    public abstract string Address { get; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Guide = await guides.ForAsync(kind, cancellationToken);

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken) => new ImportTemplate(await guides.ForAsync(kind, cancellationToken));

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        this.UploadAsync(imports, kind, Upload, () => OnGetAsync(cancellationToken), cancellationToken);
}
