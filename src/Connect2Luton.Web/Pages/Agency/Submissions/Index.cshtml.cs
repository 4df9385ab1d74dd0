using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.SupplyChain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Submissions;

/// <summary>Every candidate the user's agency has put forward, newest first, with where each stands and why.</summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class IndexModel(SubmissionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AgencySubmission> Results { get; private set; } = null!;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Agency/Submissions", new Dictionary<string, string?>());

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await queries.OfAgencyAsync(null, new PageRequest(PageNumber), cancellationToken) is not { } results) return NotFound();
        Results = results;
        return Page();
    }
}
