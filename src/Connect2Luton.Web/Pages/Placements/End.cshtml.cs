using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Changes;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Placements;

/// <summary>Ending a placement early with the last day worked and a reason, or calling off one that has not started.</summary>
[Authorize(Policy = Permissions.ManagePlacements)]
public sealed class EndModel(PlacementDetailsQueries queries, PlacementChangeCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EndForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public PlacementView Placement { get; private set; } = null!;

    public bool Started { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Version = Placement.Version;
        if (Started) Input.LastDay = DateInput.From(clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        var lastDay = ModelState.Date("Input.LastDay", Input.LastDay, "The last day worked");
        var result = await commands.EndAsync(id, Version, lastDay, Input.Reason, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = Started ? "Ended" : "Booking called off";
            return RedirectToPage("Details", new { id });
        });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } placement) return NotFound();
        Placement = placement;
        Started = placement.Status == Domain.Placements.PlacementStatus.Active && placement.HasStarted(clock.Today());
        return null;
    }

    public sealed class EndForm
    {
        public DateInput LastDay { get; set; } = new();
        public string? Reason { get; set; }
    }
}
