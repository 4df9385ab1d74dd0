using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Shortlists;

/// <summary>Not taking forward a candidate an agency put forward: the reason is the agency's to read.</summary>
[Authorize(Policy = Permissions.ManagePlacements)]
public sealed class DeclineModel(ShortlistQueries queries, SubmissionQueries submissions, SubmissionDecisions decisions) : PageModel
{
    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ShortlistView Shortlist { get; private set; } = null!;

    public PutForward Submission { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int submissionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, submissionId, cancellationToken) is { } notHere) return notHere;
        Version = Submission.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int submissionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, submissionId, cancellationToken) is { } notHere) return notHere;
        var result = await decisions.DeclineAsync(id, submissionId, Version, Input.Reason, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = $"{Submission.Candidate} is not being taken forward: {Submission.Agency} sees why";
            return RedirectToPage("Index", new { id });
        });
    }

    private async Task<IActionResult?> LoadAsync(int id, int submissionId, CancellationToken cancellationToken)
    {
        // The ranked candidates are not needed here: one row keeps the page cheap.
        if (await queries.GetAsync(id, new PageRequest(1, 1), cancellationToken) is not { } view) return NotFound();
        if ((await submissions.ForRequisitionAsync(id, cancellationToken)).FirstOrDefault(s => s.Id == submissionId) is not { } submission) return NotFound();
        Shortlist = view;
        Submission = submission;
        return null;
    }
}
