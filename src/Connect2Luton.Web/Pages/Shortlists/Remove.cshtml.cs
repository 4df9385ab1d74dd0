using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Web.Forms;
using Connect2Luton.Application.Common.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Shortlists;

/// <summary>Taking a worker off a shortlist: the reason stays with the entry. Only recruiters manage shortlists.</summary>
[Authorize(Policy = Permissions.ManagePlacements)]
public sealed class RemoveModel(ShortlistQueries queries, ShortlistCommands commands) : PageModel
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ShortlistView Shortlist { get; private set; } = null!;

    public ShortlistedWorker Worker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int workerId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, workerId, cancellationToken) is { } notHere) return notHere;
        Version = Shortlist.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int workerId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, workerId, cancellationToken) is { } notHere) return notHere;
        var result = await commands.RemoveAsync(id, Version, workerId, Input.Reason, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = $"{Worker.Name} is off the shortlist";
            return RedirectToPage("Index", new { id });
        });
    }

    private async Task<IActionResult?> LoadAsync(int id, int workerId, CancellationToken cancellationToken)
    {
        // The ranked candidates are not needed here: one row keeps the page cheap.
        if (await queries.GetAsync(id, new PageRequest(1, 1), cancellationToken) is not { } view) return NotFound();
        if (view.Shortlisted.FirstOrDefault(e => e.WorkerId == workerId) is not { } worker) return NotFound();
        Shortlist = view;
        Worker = worker;
        return null;
    }
}
