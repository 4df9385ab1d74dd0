using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Imports;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Import;

/// <summary>
/// What the two upload pages do with a file, written once: hand it to the import (which checks its length before
/// reading it), then show its preview, or the page again with why the file was refused at the file field.
/// </summary>
internal static class Uploading
{
    public static async Task<IActionResult> UploadAsync(this PageModel page, DataImports imports, ImportKind kind, IFormFile? file, Func<Task> reload, CancellationToken cancellationToken)
    {
        CommandResult result;
        await using (var content = file?.OpenReadStream())
            result = await imports.UploadAsync(kind, file?.FileName, file?.Length ?? 0, content, cancellationToken);
        if (page.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded) return page.RedirectToPage("Preview", new { upload = result.Id });
        foreach (var (field, message) in result.Errors) page.ModelState.AddModelError(field, message);
        if (result.Message is not null) page.ModelState.AddModelError(string.Empty, result.Message);
        await reload();
        return page.Page();
    }
}
