using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.SupplyChain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Candidates;

/// <summary>The candidates the user's agency keeps, a page at a time by surname, to put forward for vacancies released to it.</summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class IndexModel(AgencyCandidates candidates) : PageModel
{
    /// <summary>The start of a candidate's first or last name, narrowing the list.</summary>
    [FromQuery(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AgencyWorkerRow> Results { get; private set; } = null!;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Agency/Candidates", new Dictionary<string, string?> { ["name"] = Name });

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await candidates.ListAsync(Name, new PageRequest(PageNumber), cancellationToken) is not { } results) return NotFound();
        Results = results;
        return Page();
    }
}
