using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Details;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Placements;

/// <summary>A placement's history: its terms, extensions, cap exceptions and every rule decision with its version and reasons.</summary>
public sealed class DetailsModel(PlacementDetailsQueries queries, TimeProvider clock) : PageModel
{
    public PlacementView Placement { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Done { get; set; }

    /// <summary>Why the user was brought here rather than shown what they asked for (a booking form for a worker already booked).</summary>
    [TempData]
    public string? BroughtHere { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } placement) return NotFound();
        Placement = placement;
        Today = clock.Today();
        return Page();
    }
}
