using System.ComponentModel.DataAnnotations;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Shortlists;

/// <summary>A requisition's shortlist and the workers the preference rules rank for it, local workers first.</summary>
public sealed class IndexModel(ShortlistQueries queries, ShortlistCommands commands, SubmissionQueries submissions, SubmissionDecisions decisions) : PageModel
{
    public ShortlistView Shortlist { get; private set; } = null!;

    public Pager Pager { get; private set; } = null!;

    /// <summary>The candidates agencies have put forward for this requisition, with their source and tier.</summary>
    public IReadOnlyList<PutForward> PutForward { get; private set; } = [];

    [BindProperty]
    public int SubmissionId { get; set; }

    [BindProperty]
    public int SubmissionVersion { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "Worker")]
    public int WorkerId { get; set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // A page number that is not one ("abc", too large) is the first page, as on the other lists, not a form error.
        ModelState.Remove("page");
        var view = await queries.GetAsync(id, new PageRequest(PageNumber), cancellationToken);
        if (view is null) return NotFound();
        Shortlist = view;
        PutForward = await submissions.ForRequisitionAsync(id, cancellationToken);
        Pager = new Pager(view.CandidatePage, view.CandidatePageCount, view.CandidateCount, $"/Requisitions/{id}/Shortlist", new Dictionary<string, string?>());
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        // A worker id the form never sent is said as such, not looked up as worker 0.
        if (ModelState.GetFieldValidationState(nameof(WorkerId)) == ModelValidationState.Invalid) return await OnGetAsync(id, cancellationToken);
        var result = await commands.AddAsync(id, Version, WorkerId, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            Done = "Added to the shortlist";
            return LocalRedirect(PageNumber > 1 ? $"/Requisitions/{id}/Shortlist?page={PageNumber}" : $"/Requisitions/{id}/Shortlist");
        }, () => OnGetAsync(id, cancellationToken));
    }

    public async Task<IActionResult> OnPostSubmissionAsync(int id, CancellationToken cancellationToken)
    {
        if (ModelState.GetFieldValidationState(nameof(SubmissionId)) == ModelValidationState.Invalid) return await OnGetAsync(id, cancellationToken);
        var result = await decisions.ShortlistAsync(id, SubmissionId, SubmissionVersion, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            Done = "Added to the shortlist: the agency sees their candidate is shortlisted";
            return LocalRedirect($"/Requisitions/{id}/Shortlist");
        }, () => OnGetAsync(id, cancellationToken));
    }
}
