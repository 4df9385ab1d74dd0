using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Conversions;

/// <summary>
/// One conversion prompt: why the rules raised it, the money, what has been done, and a form for each thing that
/// can happen next (offer made, declined, not suitable, snooze, converted).
/// </summary>
[Authorize(Policy = Permissions.HandleConversions)]
public sealed class DetailsModel(ConversionQueries queries, ConversionCommands commands) : PageModel
{
    public ConversionPromptView Prompt { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } prompt) return NotFound();
        Prompt = prompt;
        Version = prompt.Version;
        return Page();
    }

    public Task<IActionResult> OnPostOfferMadeAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ConversionAction.OfferMade, nameof(ActionForm.OfferNote), Input.OfferNote, null, null, "Offer recorded", cancellationToken);

    public Task<IActionResult> OnPostDeclinedAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ConversionAction.Declined, nameof(ActionForm.DeclineNote), Input.DeclineNote, null, null, "Recorded that the worker declined", cancellationToken);

    public Task<IActionResult> OnPostNotSuitableAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ConversionAction.NotSuitable, nameof(ActionForm.UnsuitableReason), Input.UnsuitableReason, null, null, "Recorded as not suitable", cancellationToken);

    public Task<IActionResult> OnPostSnoozeAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ConversionAction.Snooze, nameof(ActionForm.SnoozeNote), Input.SnoozeNote, nameof(ActionForm.SnoozeUntil), Input.SnoozeUntil, "Snoozed", cancellationToken);

    public Task<IActionResult> OnPostConvertedAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ConversionAction.Converted, null, null, nameof(ActionForm.PermanentStart), Input.PermanentStart, "Converted to a permanent post", cancellationToken);

    private async Task<IActionResult> ActAsync(
        int id, ConversionAction action, string? noteField, string? note, string? dateField, DateInput? date, string done, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } prompt) return NotFound();
        Prompt = prompt;
        DateOnly? day = dateField is null ? null : ModelState.Date($"Input.{dateField}", date, action == ConversionAction.Snooze ? "The date to snooze until" : "The permanent start date");
        if (dateField is not null && ModelState.ContainsKey($"Input.{dateField}") && ModelState[$"Input.{dateField}"]!.Errors.Count > 0) return Page();

        var result = await commands.RecordAsync(id, Version, action, note, day, cancellationToken);
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Status == CommandStatus.Done)
        {
            Done = action == ConversionAction.Converted && (await queries.GetAsync(id, cancellationToken))?.YearlySaving is { } saving
                ? $"{done}: a saving of {saving:C0} a year"
                : done;
            return RedirectToPage("Details", new { id });
        }
        foreach (var (field, message) in result.Errors)
        {
            var key = field == ConversionCommands.Fields.Date ? dateField : noteField;
            ModelState.AddModelError(key is null ? string.Empty : $"Input.{key}", message);
        }
        if (result.Message is not null) ModelState.AddModelError(string.Empty, result.Message);
        if (result.Status == CommandStatus.Conflict && await queries.GetAsync(id, cancellationToken) is { } latest)
        {
            // What someone else saved is shown; what this person typed stays in the form.
            Prompt = latest;
            ModelState.Remove(nameof(Version));
            Version = latest.Version;
        }
        return Page();
    }

    public sealed class ActionForm
    {
        public string? OfferNote { get; set; }
        public string? DeclineNote { get; set; }
        public string? UnsuitableReason { get; set; }
        public DateInput SnoozeUntil { get; set; } = new();
        public string? SnoozeNote { get; set; }
        public DateInput PermanentStart { get; set; } = new();
    }
}
