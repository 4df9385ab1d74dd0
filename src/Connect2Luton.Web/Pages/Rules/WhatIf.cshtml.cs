using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// What the posted draft would change: every live case decided under the serving rules and under the draft, on a
/// day the officer may choose, and the decisions that differ listed. Nothing is saved.
/// </summary>
[Authorize(Policy = Permissions.EditRules)]
public sealed class WhatIfModel(RuleWorkspace workspace, IRuleSetPublisher publisher, RuleSetWhatIf whatIf, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "")]
    public RuleDraft Draft { get; set; } = new();

    // Only a posted draft can be tried: an address opened on its own (a bookmark, the back button) opens the rule set's editor.
    public IActionResult OnGet(string name) => RedirectToPage("Edit", new { name });

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        if (workspace.Read(name, Draft, ModelState) is not { } ready) return NotFound();
        var on = ModelState.Date(nameof(RuleDraft.WhatIfOn), Draft.WhatIfOn, "The day to decide as on");
        var today = clock.Today();
        if (on is { } day && !RuleSetWhatIf.IsWithinReach(day, today))
            ModelState.AddModelError(nameof(RuleDraft.WhatIfOn), $"The day to decide as on must be within {RuleSetWhatIf.MostYearsAway} years of today, {today:d MMMM yyyy}");
        if (RuleWorkspace.NotServing(Draft, "What would change can be worked out") is { } notServing) ModelState.AddModelError(string.Empty, notServing);
        var dayRefused = ModelState.TryGetValue(nameof(RuleDraft.WhatIfOn), out var entry) && entry.Errors.Count > 0;
        if (ready && !dayRefused && workspace.Compile(Draft, ModelState) is { } draft && publisher.ServingTrial(name) is { } current)
            Draft.WhatIf = await whatIf.RunAsync(name, current, draft, on, cancellationToken);
        workspace.Show(Draft, ModelState);
        return Page();
    }
}
