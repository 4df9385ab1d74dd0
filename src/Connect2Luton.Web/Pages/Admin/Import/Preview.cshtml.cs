using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Import;

/// <summary>
/// An uploaded file checked against the data as it is now: every row and what importing it would do, its problems
/// at their row and column, and the button that imports it as shown. The file is kept in the database, so the page
/// can be opened again, or confirmed, on any node.
/// </summary>
[Authorize(Policy = Permissions.ImportData)]
public sealed class PreviewModel(DataImports imports) : PageModel
{
    /// <summary>Rows listed on the page at most in each table: the counts above them cover the whole file.</summary>
    public const int Listed = 1_000;

    /// <summary>The preview the admin read, confirmed with the button: a file that now checks otherwise is shown again, not saved.</summary>
    [BindProperty]
    public string? PreviewVersion { get; set; }

    public ImportPreview Preview { get; private set; } = null!;

    public string Noun => Preview.Kind == ImportKind.Workers ? "worker" : "placement";

    public string Count(int count) => Words.Count(count, Noun);

    public async Task<IActionResult> OnGetAsync(int upload, CancellationToken cancellationToken)
    {
        if (await imports.PreviewAsync(upload, cancellationToken) is not { } preview) return NotFound();
        Preview = preview;
        PreviewVersion = preview.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int upload, CancellationToken cancellationToken)
    {
        var confirmed = await imports.ConfirmAsync(upload, PreviewVersion, cancellationToken);
        if (this.Unreachable(confirmed.Result) is { } unreachable) return unreachable;
        // The page then shows what the import came to.
        if (confirmed.Result.Succeeded) return RedirectToPage(new { upload });
        ModelState.AddModelError(string.Empty, confirmed.Result.Message ?? "Nothing has been saved.");
        if ((confirmed.Preview ?? await imports.PreviewAsync(upload, cancellationToken)) is not { } preview) return NotFound();
        Preview = preview;
        // The version of the preview now shown, so importing it next imports what this page shows.
        ModelState.Remove(nameof(PreviewVersion));
        PreviewVersion = preview.Version;
        return Page();
    }
}
