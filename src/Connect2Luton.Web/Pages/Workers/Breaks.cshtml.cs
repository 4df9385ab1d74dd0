using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Workers;

/// <summary>
/// A worker's breaks in work (sick leave, annual leave, maternity, a gap between placements) with their reasons,
/// which decide whether the AWR 12-week clock pauses, keeps counting or resets.
/// </summary>
[Authorize(Policy = Permissions.ManageWorkers)]
public sealed class BreaksModel(WorkerBreakQueries queries, WorkerBreakCommands commands) : PageModel
{
    public WorkerBreaksView Worker { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public BreakForm Input { get; set; } = new();

    /// <summary>The placement page the recruiter came from, to go back to.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Placement { get; set; }

    [TempData]
    public string? Done { get; set; }

    public static IReadOnlyList<SelectListItem> Reasons { get; } =
        Enum.GetValues<BreakReason>().Select(r => new SelectListItem(Describe(r), r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        Version = worker.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        var from = ModelState.Date("Input.From", Input.From, "The first day");
        var to = ModelState.Date("Input.To", Input.To, "The last day");
        var reason = FormReading.Choice<BreakReason>(Input.Reason);
        var result = await commands.RecordAsync(id, Version, new BreakInput(from, to, reason, Input.Note), cancellationToken);
        return Answer(id, result, "Break recorded");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int breakId, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } worker) return NotFound();
        Worker = worker;
        ModelState.Clear();
        return Answer(id, await commands.RemoveAsync(id, Version, breakId, cancellationToken), "Break removed");
    }

    private IActionResult Answer(int id, CommandResult result, string done)
    {
        if (result.Succeeded && ModelState.IsValid)
        {
            Done = done;
            return RedirectToPage("Breaks", new { id, placement = Placement });
        }
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        ModelState.AddRefusal(result);
        return Page();
    }

    public static string Describe(BreakReason reason) => reason switch
    {
        BreakReason.Other => "Another reason, or none given",
        BreakReason.Sickness => "Sickness or injury",
        BreakReason.JuryService => "Jury service",
        BreakReason.AnnualLeave => "Annual leave",
        BreakReason.HirerShutdown => "The council did not need the role (a closure)",
        BreakReason.IndustrialAction => "Strike or lock-out",
        BreakReason.PregnancyOrMaternity => "Pregnancy, childbirth or maternity",
        BreakReason.FamilyLeave => "Maternity, paternity, adoption or shared parental leave",
        _ => reason.ToString(),
    };

    public sealed class BreakForm
    {
        public DateInput From { get; set; } = new();
        public DateInput To { get; set; } = new();

        /// <summary>Read as text so a tampered value gets the form's message, not the binder's.</summary>
        public string? Reason { get; set; }

        public string? Note { get; set; }
    }
}
