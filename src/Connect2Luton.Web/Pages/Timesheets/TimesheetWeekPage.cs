using System.Globalization;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>
/// A placement's week, Monday to Sunday: its hours entered and sent, approved or queried, and corrected. The same
/// page serves recruiters and hiring managers, agency staff in their portal and workers on their phones; each place
/// it is reached from says where its links go (<see cref="PathOf"/>), and the queries and commands say what the user
/// may see and do.
/// </summary>
public abstract class TimesheetWeekPage(TimesheetQueries queries, TimesheetCommands commands) : PageModel
{
    protected TimesheetCommands Commands => commands;

    [BindProperty]
    public WeekForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The timesheet the form was opened on; none for a week without one yet.</summary>
    [BindProperty]
    public int? TimesheetId { get; set; }

    public TimesheetWeekView View { get; private set; } = null!;

    /// <summary>
    /// What the week came to (pay, charge) on the page its approval was pressed from: approving checks it against what
    /// the week comes to now, so a rate or charge terms changed since are seen before it is locked at them.
    /// </summary>
    [BindProperty]
    public string? Priced { get; set; }

    /// <summary>What the week comes to now, as the approve form carries it.</summary>
    public string PricedNow => string.Create(CultureInfo.InvariantCulture, $"{View.Lines.Sum(l => l.Pay)}|{View.Lines.Sum(l => l.Charge)}");

    /// <summary>Where this week's page is, in the part of the app it was reached from.</summary>
    public abstract string PathOf(int placementId, DateOnly weekStart);

    /// <summary>Where the list of timesheets is, for the link back to it.</summary>
    public abstract string ListPath { get; }

    /// <summary>
    /// The council's side shows what each line costs (on-costs, margin, charge); a worker's own page shows their hours
    /// and pay, and nothing of the council's costs. Who did each step is the queries' to say (<see cref="TimesheetWeekView.History"/>).
    /// </summary>
    public virtual bool ShowsCosts => true;

    /// <summary>
    /// Whether the charge to the hiring organisation is shown, without what it is made of: an agency invoices it, so
    /// sees it for its own workers, and nothing of the on-costs and margin behind it.
    /// </summary>
    public virtual bool ShowsCharge => ShowsCosts;

    /// <summary>The box ticked to send a week with no hours, in the words of whoever sends it.</summary>
    public virtual string NoHoursWorkedLabel => "No hours were worked this week";

    /// <summary>Whether the page is the worker's own, spoken to them rather than about them.</summary>
    public virtual bool ForTheWorker => false;

    public async Task<IActionResult> OnGetAsync(int placementId, string week, CancellationToken cancellationToken)
    {
        if (await LoadAsync(placementId, week, cancellationToken) is { } notHere) return notHere;
        ShowAsSaved();
        return Page();
    }

    /// <summary>
    /// The forms filled from the week as it is saved: the timesheet and version they act on, and its hours. After
    /// someone else's change, what was posted is dropped too, so the page shows (and its buttons act on) the week as
    /// it now is, never the old version nor the hours typed over someone else's.
    /// </summary>
    private void ShowAsSaved()
    {
        foreach (var posted in ModelState.Keys.Where(k => k is nameof(Version) or nameof(TimesheetId) or "Input." + TimesheetFields.NoHoursWorked
            || k.StartsWith("Input.Hours[", StringComparison.Ordinal)).ToList())
            ModelState.Remove(posted);
        TimesheetId = View.Current?.Id;
        Version = View.Current?.Version ?? 0;
        Input.Hours = (View.Current?.HoursEntered() ?? []).ToDictionary(h => TimesheetFields.Key(h.Day, h.Type), h => (string?)HoursText.Show(h.Hours));
        Input.NoHoursWorked = false;
    }

    public Task<IActionResult> OnPostSaveAsync(int placementId, string week, CancellationToken cancellationToken) =>
        SaveAsync(placementId, week, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int placementId, string week, CancellationToken cancellationToken) =>
        SaveAsync(placementId, week, submit: true, cancellationToken);

    public async Task<IActionResult> OnPostAdjustAsync(int placementId, string week, CancellationToken cancellationToken)
    {
        if (await LoadAsync(placementId, week, cancellationToken) is { } notHere) return notHere;
        if (!View.MayEnter) return Forbid();
        if (View.Current is not { } current) return Nothing("There are no approved hours this week to correct");
        if (current.Id != TimesheetId) return Changed();
        var result = await commands.AdjustAsync(current.Id, cancellationToken);
        return await AnswerAsync(result, "Correction started: change the hours and send it for approval", placementId, week, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(int placementId, string week, bool submit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(placementId, week, cancellationToken) is { } notHere) return notHere;
        // The timesheet the form was opened on, unreadable, was never one the page sent: nothing is saved against a guess.
        if (ModelState.TryGetValue(nameof(TimesheetId), out var opened) && opened.Errors.Count > 0) return BadRequest();
        // Anything else that could not be read (the no-hours box posted as neither ticked nor not) is said at its field,
        // and nothing is saved or sent on a guess at it.
        if (!ModelState.IsValid) return Page();
        var result = await commands.SaveAsync(placementId, View.WeekStart, TimesheetId, Version, new TimesheetInput(Input.Hours, Input.NoHoursWorked), submit, cancellationToken);
        return await AnswerAsync(result, submit ? "Timesheet sent for approval" : "Hours saved: send them for approval when the week is complete", placementId, week, cancellationToken);
    }

    /// <summary>Said when the week's timesheet is not the one the page showed (a correction was started or sent since): nothing is done to one nobody saw.</summary>
    private const string ChangedSinceOpened = "This week's timesheet has changed since you opened the page, so nothing has been done. It is shown below as it is now: look at it before you act on it";

    /// <summary>The page again with the week as it is now, saying it changed since the page was opened and nothing was done.</summary>
    protected IActionResult Changed(string message = ChangedSinceOpened)
    {
        ShowAsSaved();
        return Nothing(message);
    }

    /// <summary>The page again, saying there was nothing for the button to act on (the week has no timesheet yet).</summary>
    protected IActionResult Nothing(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    protected async Task<IActionResult> AnswerAsync(CommandResult result, string done, int placementId, string week, CancellationToken cancellationToken) =>
        await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = done;
            return Redirect(PathOf(placementId, View.WeekStart));
        }, async () =>
        {
            await LoadAsync(placementId, week, cancellationToken);
            // Someone else acted on the week since the page was opened: it is shown as they left it, to look at and
            // act on again. Refused for what was typed, it is shown with the typing kept, to correct.
            if (result.Status == CommandStatus.Conflict) ShowAsSaved();
            return Page();
        });

    protected async Task<IActionResult?> LoadAsync(int placementId, string week, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var weekStart) || !TimesheetWeek.IsReal(weekStart)) return NotFound();
        if (await queries.WeekAsync(placementId, weekStart, cancellationToken) is not { } view) return NotFound();
        View = view;
        return null;
    }

    /// <summary>The text in a day's field for a kind of hours, as typed or as saved.</summary>
    public string? HoursIn(DateOnly day, TimesheetLineType type) => Input.Hours.GetValueOrDefault(TimesheetFields.Key(day, type));

    public static string WeekText(DateOnly weekStart) => weekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed class WeekForm
    {
        public Dictionary<string, string?> Hours { get; set; } = [];

        /// <summary>Ticked to send the week with no hours in it: a nil return.</summary>
        public bool NoHoursWorked { get; set; }

        public string? Reason { get; set; }
    }
}
