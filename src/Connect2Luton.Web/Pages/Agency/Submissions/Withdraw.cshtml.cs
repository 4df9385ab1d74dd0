using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Submissions;

/// <summary>An agency withdrawing a candidate it put forward; the recruiter sees it, and the person is free to be put forward again.</summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class WithdrawModel(SubmissionQueries queries, AgencySubmissions submissions) : PageModel
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public AgencySubmission Submission { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Version = Submission.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var result = await submissions.WithdrawAsync(id, Version, Input.Reason, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = $"{Submission.Candidate} is withdrawn from {Submission.RequisitionTitle}";
            return RedirectToPage("Index");
        });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var mine = await queries.OneOfAgencyAsync(id, cancellationToken);
        if (mine is null) return false;
        Submission = mine;
        return true;
    }
}
