using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Placements.Changes;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Placements;

/// <summary>Extending a placement: the length rules decide again, live as the date is typed and again on submit.</summary>
[Authorize(Policy = Permissions.ManagePlacements)]
public sealed class ExtendModel(PlacementDetailsQueries queries, PlacementChangeCommands commands) : PageModel
{
    [BindProperty]
    public ExtensionForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public PlacementView Placement { get; private set; } = null!;

    public ExtensionQuote? Quote { get; private set; }

    /// <summary>The most that can be paid an hour within the caps over the extra weeks, as the rules decide it.</summary>
    public Application.Policies.PayHeadroom? Headroom { get; private set; }

    public bool Oob => ViewData["Oob"] is true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        if (Placement.Status != Domain.Placements.PlacementStatus.Active) return RedirectToPage("Details", new { id });
        Version = Placement.Version;
        Headroom = await commands.ExtensionHeadroomAsync(id, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        var input = Input.Read(ModelState);
        Quote = await commands.QuoteExtensionAsync(id, input, cancellationToken);
        Headroom = await commands.ExtensionHeadroomAsync(id, input.NewEndDate, cancellationToken);
        ViewData["Oob"] = true;
        return Partial("_ExtendChecks", this);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        var input = Input.Read(ModelState);
        Quote = await commands.QuoteExtensionAsync(id, input, cancellationToken);
        Headroom = await commands.ExtensionHeadroomAsync(id, input.NewEndDate, cancellationToken);
        if (!ModelState.IsValid)
        {
            if (Quote is not null) ModelState.AddRefusal(CommandResult.Invalid(Quote.Errors));
            return Page();
        }
        var result = await commands.ExtendAsync(id, Version, input, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = Quote?.BeyondLimit == true
                ? $"The extension to {input.NewEndDate:d MMMM yyyy} is waiting for sign-off by {Application.SignOffs.SignOffPositions.InWords(Quote.SignOffBy)}: it takes effect once they have signed it off"
                : $"Extended to {input.NewEndDate:d MMMM yyyy}";
            return RedirectToPage("Details", new { id });
        });
    }

    public RuleCheckPart LengthCheck
    {
        get
        {
            var fieldError = ModelState.TryGetValue("Input.NewEndDate", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
            if (!Oob) return new RuleCheckPart("length-check", fieldError is null ? Quote?.Length : null, false, null);
            var readError = fieldError ?? (!Input.NewEndDate.IsEmpty && Quote?.Length is null ? Quote?.Errors.GetValueOrDefault(PlacementChangeCommands.Fields.NewEndDate) : null);
            return new RuleCheckPart("length-check", Quote?.Length, true, readError);
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } placement) return NotFound();
        Placement = placement;
        return null;
    }

    public sealed class ExtensionForm
    {
        public DateInput NewEndDate { get; set; } = new();
        public string? Reason { get; set; }
        public string? ApprovedBy { get; set; }

        public ExtensionInput Read(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState) =>
            new(modelState.Date("Input.NewEndDate", NewEndDate, "The new end date"), Reason, ApprovedBy);
    }
}
