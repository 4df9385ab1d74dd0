using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Placements;

/// <summary>A placement's history: its terms, extensions, cap exceptions and every rule decision with its version and reasons.</summary>
public sealed class DetailsModel(
    PlacementDetailsQueries queries,
    Application.Timesheets.TimesheetQueries timesheets,
    Application.Placements.Changes.PayParityChange parityChange,
    IRuleSetSamples samples,
    TimeProvider clock) : PageModel
{
    /// <summary>The facts a decision on this placement was given, in words.</summary>
    public IReadOnlyList<DecisionFact> FactsOf(DecisionView decision) => DecisionFacts.InWords(samples, decision?.RuleSet ?? string.Empty, decision?.InputsJson ?? "{}");

    public PlacementView Placement { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>The placement's latest weeks with their timesheets, for those who see timesheets.</summary>
    public IReadOnlyList<Application.Timesheets.TimesheetWeekSummary> Weeks { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    /// <summary>Why the user was brought here rather than shown what they asked for (a booking form for a worker already booked).</summary>
    [TempData]
    public string? BroughtHere { get; set; }

    /// <summary>The placement's version when the page was read, for the change of its pay to parity.</summary>
    [BindProperty]
    public int PlacementVersion { get; set; }

    /// <summary>Recruiters see the one-step change to AWR pay parity where the nightly check flagged it.</summary>
    public bool MayApplyParity => Placement.Parity is not null && Application.Common.Identity.Access.Allows(User.IsInRole, Application.Common.Identity.Permissions.ManagePlacements);

    /// <summary>Changes the placement's pay to the AWR parity rate from the day it is due, in one step.</summary>
    public async Task<IActionResult> OnPostApplyParityAsync(int id, CancellationToken cancellationToken)
    {
        var result = await parityChange.ApplyAsync(id, PlacementVersion, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            Done = "Pay parity applied: the placement's rate changed from the day it is due";
            return RedirectToPage(new { id });
        }, () => OnGetAsync(id, cancellationToken));
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } placement) return NotFound();
        Placement = placement;
        Today = clock.Today();
        if (Application.Common.Identity.Access.Allows(User.IsInRole, Application.Common.Identity.Permissions.SeeTimesheets) && placement.Status != Domain.Placements.PlacementStatus.AwaitingSignOff)
            Weeks = await timesheets.WeeksOfAsync(id, placement.StartDate, placement.ActualEndDate ?? placement.PlannedEndDate, 6, cancellationToken);
        return Page();
    }
}
