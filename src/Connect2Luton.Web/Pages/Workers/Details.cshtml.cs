using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Workers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Workers;

[Authorize(Policy = Permissions.ManageWorkers)]
public sealed class DetailsModel(WorkerQueries queries, TimeProvider clock) : PageModel
{
    public WorkerView Worker { get; private set; } = null!;

    public DateOnly Today => clock.Today();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        return Page();
    }
}
