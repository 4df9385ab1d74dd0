using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Requisitions;

public sealed class DetailsModel(RequisitionQueries queries, RequisitionCommands commands) : PageModel
{
    public RequisitionView Requisition { get; private set; } = null!;

    /// <summary>The version the reader saw: a step taken on an older one is refused as a conflict.</summary>
    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } requisition) return NotFound();
        Requisition = requisition;
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, commands.SubmitAsync(id, Version, cancellationToken), "Submitted for approval", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, commands.ApproveAsync(id, Version, cancellationToken), "Approved", cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, commands.OpenAsync(id, Version, cancellationToken), "Opened for recruitment", cancellationToken);

    private async Task<IActionResult> StepAsync(int id, Task<CommandResult> step, string done, CancellationToken cancellationToken)
    {
        var result = await step;
        return await this.AnswerAsync(result, () =>
        {
            Done = done;
            return RedirectToPage(new { id });
        }, () => OnGetAsync(id, cancellationToken));
    }
}
