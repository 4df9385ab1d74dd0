using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Requisitions;

/// <summary>Rejecting or cancelling a requisition: both ask why, and the reason goes on its history.</summary>
public sealed class CloseModel(RequisitionQueries queries, RequisitionCommands commands) : PageModel
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public RequisitionView Requisition { get; private set; } = null!;

    public bool Rejecting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, step, cancellationToken) is { } notHere) return notHere;
        Version = Requisition.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, step, cancellationToken) is { } notHere) return notHere;
        var result = Rejecting
            ? await commands.RejectAsync(id, Version, Input.Reason, cancellationToken)
            : await commands.CancelAsync(id, Version, Input.Reason, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = Rejecting ? "Rejected: the hiring manager can change it and submit it again" : "Cancelled";
            return RedirectToPage("Details", new { id });
        });
    }

    private async Task<IActionResult?> LoadAsync(int id, string step, CancellationToken cancellationToken)
    {
        Rejecting = step == "Reject";
        if (await queries.DetailsAsync(id, cancellationToken) is not { } requisition) return NotFound();
        // Someone whose role never allows this is refused before being asked why.
        if (!requisition.Permitted.Contains(Rejecting ? RequisitionAction.Reject : RequisitionAction.Cancel)) return Forbid();
        Requisition = requisition;
        return null;
    }
}
