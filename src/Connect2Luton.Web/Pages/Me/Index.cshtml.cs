using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Workers.OwnRecord;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Me;

/// <summary>A worker's home, made for a phone: the weeks they still owe hours for, and their timesheets as they stand.</summary>
[Authorize(Policy = Permissions.KeepOwnWorkerRecord)]
public sealed class IndexModel(OwnWorkerRecord record) : PageModel
{
    public OwnRecordView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await record.ViewAsync(cancellationToken) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
