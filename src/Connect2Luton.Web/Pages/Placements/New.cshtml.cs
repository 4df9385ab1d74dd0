using Connect2Luton.Application.Policies;
using Connect2Luton.Application.SignOffs;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Placements;

/// <summary>
/// Booking a shortlisted worker. As the recruiter types, the form posts to the Check handler, which runs the same
/// evaluation as the booking and answers with the rule messages and the charge breakdown for the page to show
/// beside the fields; without script, submitting shows the same.
/// </summary>
[Authorize(Policy = Permissions.ManagePlacements)]
public sealed class NewModel(BookingCases cases, BookingTerms terms, PlacementBookingCommands commands, TimeProvider clock) : PageModel
{
    // From the address only: a posted field of the same name must not book someone else than the page shows.
    [BindProperty(SupportsGet = true, Name = "requisition"), FromQuery(Name = "requisition")]
    public int RequisitionId { get; set; }

    [BindProperty(SupportsGet = true, Name = "worker"), FromQuery(Name = "worker")]
    public int WorkerId { get; set; }

    [BindProperty]
    public PlacementForm Input { get; set; } = new();

    /// <summary>The requisition's version when the form was opened: a booking against a changed requisition is a conflict.</summary>
    [BindProperty]
    public int RequisitionVersion { get; set; }

    public PlacementProposalView Proposal { get; private set; } = null!;

    public PlacementQuote? Quote { get; private set; }

    /// <summary>The most that can be paid an hour within the caps for this role and supplier, as the rules decide it.</summary>
    public PayHeadroom? Headroom { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await cases.LoadAsync(RequisitionId, WorkerId, forUpdate: false, cancellationToken);
        if (AlreadyBooked(found) is { } booked) return booked;
        if (found is not { IsShortlisted: true } booking) return NotFound();
        Proposal = booking.Proposal();
        RequisitionVersion = Proposal.RequisitionVersion;
        Input = PlacementForm.From(Proposal, clock.Today());
        var start = Input.StartDate.Read("The start date", out _) ?? clock.Today();
        Headroom = await terms.HeadroomAsync(booking, start, Input.EndDate.Read("The planned end date", out _) ?? start, cancellationToken);
        return Page();
    }

    /// <summary>The live check: the rule messages and breakdown for the terms typed so far, as fragments to swap in.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (await cases.LoadAsync(RequisitionId, WorkerId, forUpdate: false, cancellationToken) is not { } booking) return NotFound();
        // A check still on its way when the worker was booked (the form sent while its last check was in flight) has
        // nothing left to check: nothing to swap in, and no error for the page to show.
        if (!booking.IsShortlisted) return new NoContentResult();
        Proposal = booking.Proposal();
        var input = Input.Read(RequisitionId, WorkerId, ModelState);
        Quote = (await terms.CheckAsync(booking, input, cancellationToken)).Quote;
        // The dates typed so far decide which days' figures hold the rate; dates that do not read leave it to the start.
        var start = input.StartDate ?? clock.Today();
        Headroom = await terms.HeadroomAsync(booking, start, input.EndDate is { } end && end > start && end <= start.AddYears(5) ? end : start, cancellationToken);
        ViewData["Oob"] = true;
        return Partial("_BookingChecks", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Read once, for update: the same case is shown, checked and booked.
        var found = await cases.LoadAsync(RequisitionId, WorkerId, forUpdate: true, cancellationToken);
        if (AlreadyBooked(found) is { } booked) return booked;
        if (found is not { IsShortlisted: true } booking) return NotFound();
        Proposal = booking.Proposal();
        var input = Input.Read(RequisitionId, WorkerId, ModelState);
        Headroom = await terms.HeadroomAsync(booking, input.StartDate ?? clock.Today(), input.EndDate ?? input.StartDate ?? clock.Today(), cancellationToken);
        // A number or date that could not be read refuses the form; the rest is still checked so every problem shows at once.
        if (!ModelState.IsValid)
        {
            Quote = (await terms.CheckAsync(booking, input, cancellationToken)).Quote;
            ModelState.AddRefusal(CommandResult.Invalid(Quote.Errors));
            return Page();
        }
        var outcome = await commands.BookAsync(booking, input, RequisitionVersion, cancellationToken);
        Quote = outcome.Quote;
        return await this.AnswerAsync(outcome.Result, () =>
        {
            TempData["Done"] = Quote?.NeedsCapException == true
                ? $"{Proposal.WorkerName} is booked, waiting for sign-off by {SignOffPositions.InWords(Quote.PayRate?.Approvers)}: the placement starts once they have signed it off"
                : $"{Proposal.WorkerName} is booked";
            return RedirectToPage("Details", new { id = outcome.Result.Id });
        });
    }

    // A booking sent twice (a double click, the back button) finds the worker booked here: show the placement.
    private RedirectToPageResult? AlreadyBooked(BookingCase? found)
    {
        if (found is not { IsShortlisted: false, PlacedHere: { } placed }) return null;
        TempData["BroughtHere"] = $"{found.Worker.FullName} is already booked on this requisition: this is their placement";
        return RedirectToPage("Details", new { id = placed });
    }

    public bool Oob => ViewData["Oob"] is true;

    public RuleCheckPart PayRateCheck => Part("pay-rate-check", Quote?.PayRate, "Input.PayRate", BookingFields.PayRate, !string.IsNullOrWhiteSpace(Input.PayRate));

    public RuleCheckPart LengthCheck => Part("length-check", Quote?.Length, "Input.EndDate", BookingFields.EndDate, !Input.StartDate.IsEmpty && !Input.EndDate.IsEmpty);

    // While typing, a value that cannot be used is said beside the field; a field left empty is not nagged about
    // until the form is submitted. On a submitted page the field's own error message says it, so it is not repeated.
    private RuleCheckPart Part(string id, RuleCheck? check, string key, string field, bool typed)
    {
        var fieldError = ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        if (!Oob) return new RuleCheckPart(id, fieldError is null ? check : null, false, null);
        var readError = fieldError ?? (typed && check is null ? Quote?.Errors.GetValueOrDefault(field) : null);
        return new RuleCheckPart(id, check, true, readError);
    }

    /// <summary>
    /// Whether the page that asked already shows the reason field (a form posts it, empty or not). The live check
    /// leaves it alone then, so an answer arriving while someone types in it never wipes what they typed.
    /// </summary>
    public bool CapFieldsOnPage => Request.HasFormContentType && Request.Form.ContainsKey("Input.CapReason");

    /// <summary>Show the reason field when the rules ask for sign-off, or when something has been typed in it already.</summary>
    public bool ShowCapException => Quote?.NeedsCapException == true || !string.IsNullOrWhiteSpace(Input.CapReason);
}

/// <summary>One rule set's verdict for the fragment beside its field; <paramref name="ReadError"/> when the value could not be checked.</summary>
public sealed record RuleCheckPart(string Id, RuleCheck? Check, bool Oob, string? ReadError);
