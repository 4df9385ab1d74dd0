using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.SupplyChain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Candidates;

/// <summary>The candidates the user's agency keeps, to put forward for vacancies released to it.</summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class IndexModel(AgencyCandidates candidates) : PageModel
{
    public IReadOnlyList<AgencyWorkerRow> Candidates { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await candidates.ListAsync(cancellationToken) is not { } list) return NotFound();
        Candidates = list;
        return Page();
    }
}
