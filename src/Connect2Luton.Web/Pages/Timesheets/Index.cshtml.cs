using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Timesheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Connect2Luton.Web.Forms;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>
/// Timesheets, newest week first: a hiring manager's waiting for approval by default, anyone else's every status,
/// narrowed by status, service and week. Paged by the last row shown, so a page far back reads as fast as the first.
/// </summary>
[Authorize(Policy = Permissions.SeeTimesheets)]
public sealed class IndexModel(TimesheetQueries timesheets, TimesheetCommands commands, ReferenceNames names, DataScope scope, TimeProvider clock) : PageModel
{
    /// <summary>The weeks ticked to approve together, each as "id:version" (the version the manager saw).</summary>
    [BindProperty(Name = "approve")]
    public List<string> Approve { get; set; } = [];

    [TempData]
    public string? Done { get; set; }

    /// <summary>The weeks left out of the last approval and why, as JSON: carried across the redirect back to the list.</summary>
    [TempData]
    public string? NotApproved { get; set; }

    /// <summary>
    /// Each week left out, with the timesheet it names where it is one of the manager's own (its line carries the
    /// number for tools reading the page, not its words).
    /// </summary>
    public IReadOnlyList<TimesheetCommands.LeftOut> LeftOut => NotApproved is null ? [] : JsonSerializer.Deserialize<List<TimesheetCommands.LeftOut>>(NotApproved) ?? [];

    /// <summary>Hiring managers tick waiting weeks of their service to approve them together.</summary>
    public bool MayApprove => Access.Allows(User.IsInRole, Permissions.ApproveTimesheets);

    /// <summary>A status as the list's filter names it; "all" or anything unknown shows every status.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Service area")]
    public int? Service { get; set; }

    /// <summary>The organisation the weeks were charged to; one not on the list is said at the field, and every organisation's are listed.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>A week as "2026-11-16"; anything else (or a day that is not a Monday) is said at the field, and every week is listed.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Week starting")]
    public string? Week { get; set; }

    [FromQuery(Name = "older")]
    public string? Older { get; set; }

    [FromQuery(Name = "newer")]
    public string? Newer { get; set; }

    public TimesheetPage Results { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public bool ShowsServiceFilter => scope.SeesEveryService;

    /// <summary>The status shown: what was chosen, else the approver's queue for hiring managers and every status for others.</summary>
    public TimesheetStatus? Showing => Status switch
    {
        "all" => null,
        _ when Enum.TryParse<TimesheetStatus>(Status, ignoreCase: false, out var chosen) && Enum.IsDefined(chosen) && !char.IsDigit(Status![0]) => chosen,
        _ => scope.SeesEveryService ? null : TimesheetStatus.Submitted,
    };

    public DateOnly? WeekShown => DateOnly.TryParseExact(Week?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week) && TimesheetWeek.IsMonday(week) ? week : null;

    public DateOnly LastWeek { get; private set; }

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["status"] = Showing?.ToString() ?? "all",
        ["service"] = Service?.ToString(CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(CultureInfo.InvariantCulture),
        ["week"] = WeekShown?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ChooseAsync(cancellationToken);
        Results = await timesheets.ListAsync(Filter(), TimesheetCursor.Parse(Older), TimesheetCursor.Parse(Newer), cancellationToken);
    }

    /// <summary>
    /// Every timesheet the filters match (whatever page is shown), as CSV; a filter that could not be read downloads
    /// nothing in its place, and the list says which.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await ChooseAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            Results = await timesheets.ListAsync(Filter(), null, null, cancellationToken);
            return Page();
        }
        return new CsvDownload<TimesheetCsvRow>(WeekShown is { } week ? $"timesheets-week-of-{week:yyyy-MM-dd}.csv" : "timesheets.csv", Rows(cancellationToken));
    }

    private async IAsyncEnumerable<TimesheetCsvRow> Rows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in timesheets.ExportAsync(Filter(), cancellationToken)) yield return TimesheetCsvRow.From(row);
    }

    private TimesheetFilter Filter() => new(Showing, Service, WeekStart: WeekShown, HiringOrganisationId: Organisation);

    /// <summary>The filters as given, each one that cannot be read said at its field (and read as none, so every week, service or organisation is listed).</summary>
    private async Task ChooseAsync(CancellationToken cancellationToken)
    {
        LastWeek = TimesheetWeek.MondayOf(clock.Today()).AddDays(-7);
        const string shown = "the timesheets below are";
        var organisation = await Reports.OrganisationChoice.ReadAsync(names, narrowed: null, Organisation, ModelState, cancellationToken, shown, offered: ShowsServiceFilter);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var service = await Reports.ServiceChoice.ReadAsync(names, Service, ModelState, ShowsServiceFilter, cancellationToken, shown);
        Service = service.Chosen;
        Services = service.Items;
        // A status typed that is none of the list's (status=Bogus, status=99) is said, not quietly read as the default.
        if (!string.IsNullOrWhiteSpace(Status) && Status != "all" && !Enum.GetValues<TimesheetStatus>().Any(s => s.ToString() == Status))
            Reports.FilterField.Say(ModelState, nameof(Status), $"Choose what to show from the list. {Words.Begun(shown)} {(Showing is null ? "of every status" : "waiting for approval")}");
        if (!string.IsNullOrWhiteSpace(Week) && WeekShown is null)
            Reports.FilterField.Say(ModelState, nameof(Week), $"{WeekProblem(Week.Trim(), LastWeek)}. {Words.Begun(shown)} for every week");
    }

    /// <summary>Why a week typed is not one: a day that is not a Monday is told the Monday of its week.</summary>
    private static string WeekProblem(string typed, DateOnly example) =>
        DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{day:dddd d MMMM yyyy} is not a Monday: enter the Monday its week starts on, {TimesheetWeek.MondayOf(day):yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"Enter the week as the date of its Monday, like {example:yyyy-MM-dd}");

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!MayApprove) return Forbid();
        var chosen = new List<(int Id, int Version)>();
        foreach (var ticked in Approve)
        {
            // Only what the list writes ("id:version"): anything else was never a box on it, and nothing is approved on a guess.
            if (ticked?.Split(':') is [var id, var version]
                && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var timesheet) && timesheet > 0
                && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var seen))
                chosen.Add((timesheet, seen));
            else return await ShowAgainAsync("Something ticked was not a week on this list, so nothing was approved: tick the weeks again", cancellationToken);
        }
        if (chosen.Count == 0) return await ShowAgainAsync("Tick the weeks to approve first", cancellationToken);
        if (chosen.Count > TimesheetQueries.PageSize * 40) return await ShowAgainAsync($"Approve at most {TimesheetQueries.PageSize * 40:N0} weeks at once", cancellationToken);
        var (result, done) = await commands.ApproveManyAsync(chosen, cancellationToken);
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        Done = done!.Approved == 0 ? null : $"Approved {Words.Count(done.Approved, "timesheet")}";
        NotApproved = done.NotApproved.Count == 0 ? null : JsonSerializer.Serialize(done.NotApproved.Take(20));
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAgainAsync(string problem, CancellationToken cancellationToken)
    {
        // Said beside the ticked weeks, where the choosing is done.
        ModelState.AddModelError("approve", problem);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public string Link(string cursorName, TimesheetCursor cursor) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Timesheets",
            Filters.Where(f => f.Value is not null).Append(new(cursorName, cursor.ToString())));
}
