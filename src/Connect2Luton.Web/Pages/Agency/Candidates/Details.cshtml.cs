using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Application.Workers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Candidates;

/// <summary>One of the agency's candidates: details and checks. Anyone else's is not found.</summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class DetailsModel(AgencyCandidates candidates) : PageModel
{
    public WorkerView Worker { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await candidates.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        return Page();
    }
}
