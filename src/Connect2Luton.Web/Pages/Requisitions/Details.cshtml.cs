using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Requisitions;

public sealed class DetailsModel(RequisitionQueries queries, RequisitionCommands commands, SupplierReleaseQueries releases, SupplierReleaseCommands releaseCommands) : PageModel
{
    public RequisitionView Requisition { get; private set; } = null!;

    /// <summary>Who may see the requisition: the tiers it has reached, and what the reader may do about it.</summary>
    public SupplierReleaseView Release { get; private set; } = null!;

    /// <summary>The version the reader saw: a step taken on an older one is refused as a conflict.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The version of the requisition's release the reader saw (<see cref="SupplierReleaseCommands.NoReleaseYet"/> before it had one).</summary>
    [BindProperty]
    public int ReleaseVersion { get; set; }

    // Each release form has its own reason, so a refusal shows beside the form that was sent.
    [BindProperty]
    public ReasonForm Local { get; set; } = new();

    [BindProperty]
    public ReasonForm External { get; set; } = new();

    [BindProperty]
    public ReasonForm Hold { get; set; } = new();

    [BindProperty]
    public ReasonForm Lift { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } requisition) return NotFound();
        Requisition = requisition;
        Release = await releases.ForAsync(requisition, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, commands.SubmitAsync(id, Version, cancellationToken), "Submitted for approval", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, commands.ApproveAsync(id, Version, cancellationToken), "Approved", cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, commands.OpenAsync(id, Version, cancellationToken), "Opened for recruitment", cancellationToken);

    public Task<IActionResult> OnPostReleaseLocalAsync(int id, CancellationToken cancellationToken) =>
        ReleaseStepAsync(id, nameof(Local), releaseCommands.ReleaseEarlyAsync(id, ReleaseVersion, SupplyAgencyKind.LocalSupportingAgency, Local.Reason, cancellationToken),
            "Released to local supporting agencies", cancellationToken);

    public Task<IActionResult> OnPostReleaseExternalAsync(int id, CancellationToken cancellationToken) =>
        ReleaseStepAsync(id, nameof(External), releaseCommands.ReleaseEarlyAsync(id, ReleaseVersion, SupplyAgencyKind.ExternalAgency, External.Reason, cancellationToken),
            "Released to external agencies", cancellationToken);

    public Task<IActionResult> OnPostHoldAsync(int id, CancellationToken cancellationToken) =>
        ReleaseStepAsync(id, nameof(Hold), releaseCommands.HoldAsync(id, ReleaseVersion, Hold.Reason, cancellationToken),
            "Held back: no more agencies will see it until the hold is lifted", cancellationToken);

    public Task<IActionResult> OnPostLiftHoldAsync(int id, CancellationToken cancellationToken) =>
        ReleaseStepAsync(id, nameof(Lift), releaseCommands.LiftHoldAsync(id, ReleaseVersion, Lift.Reason, cancellationToken),
            "Hold lifted: the release rules decide who sees it again", cancellationToken);

    private async Task<IActionResult> StepAsync(int id, Task<CommandResult> step, string done, CancellationToken cancellationToken)
    {
        var result = await step;
        return await this.AnswerAsync(result, () =>
        {
            Done = done;
            return RedirectToPage(new { id });
        }, () => OnGetAsync(id, cancellationToken));
    }

    private async Task<IActionResult> ReleaseStepAsync(int id, string form, Task<CommandResult> step, string done, CancellationToken cancellationToken)
    {
        var result = await step;
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded)
        {
            Done = done;
            return RedirectToPage(new { id });
        }
        ModelState.AddRefusal(result, form);
        return await OnGetAsync(id, cancellationToken);
    }

    public sealed class ReasonForm
    {
        public string? Reason { get; set; }
    }
}
