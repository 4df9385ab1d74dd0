using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Reports;

/// <summary>The DfE quarterly return for agency child and family social workers, to check on screen and download as CSV.</summary>
[Authorize(Policy = Permissions.ReadReports)]
public sealed class DfeReturnModel(DfeReturn dfe) : PageModel
{
    /// <summary>The quarter as 2026-Q2; anything else, or a quarter not offered, is the last one ended.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public DfeReturnFigures Figures { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Quarters { get; private set; } = [];

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?> { ["period"] = Figures.Quarter.Code };

    /// <summary>How many rows of each table a page shows: a quarter at a large council has tens of thousands of assignments, all in the CSV.</summary>
    public const int RowsShown = 50;

    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int AssignmentsPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "breaches", BinderType = typeof(Forms.PageNumberBinder))]
    public int BreachesPage { get; set; } = 1;

    public IReadOnlyList<DfeAssignment> Assignments { get; private set; } = [];

    public IReadOnlyList<DfeCapBreach> CapBreaches { get; private set; } = [];

    public Pager AssignmentsPager { get; private set; } = null!;

    public Pager CapBreachesPager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var quarter = ChooseQuarter();
        Figures = await dfe.GetAsync(quarter, new Application.Common.Specifications.PageRequest(AssignmentsPage, RowsShown), cancellationToken);
        // Each table's pager keeps the other's page, so paging one leaves the other where it was.
        var assignments = Figures.Assignments;
        Assignments = assignments.Items;
        AssignmentsPager = new Pager(assignments.Page, assignments.PageCount, assignments.TotalCount, "/Reports/DfeReturn",
            new Dictionary<string, string?>(Filters) { ["breaches"] = BreachesPage > 1 ? BreachesPage.ToString(System.Globalization.CultureInfo.InvariantCulture) : null })
        { Label = "Pages of assignments" };
        var (breaches, breachesPager) = Pager.Of(Figures.CapBreaches, BreachesPage, RowsShown, "/Reports/DfeReturn",
            new Dictionary<string, string?>(Filters) { ["page"] = assignments.Page > 1 ? assignments.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null });
        (CapBreaches, CapBreachesPager) = (breaches, breachesPager with { Key = "breaches", Label = "Pages of cap breaches" });
    }

    /// <summary>The return's assignments (in the order DfE asks for their fields) or its cap breaches, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        var quarter = ChooseQuarter();
        // A download is named for its quarter: one asked for that is not offered downloads nothing in its place.
        if (!ModelState.IsValid)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return table switch
        {
            "assignments" => ReportCsv.Of($"dfe-agency-social-workers-{quarter.Code}.csv", (await dfe.EveryAssignmentAsync(quarter, cancellationToken)).Select(a => new DfeAssignmentCsvRow(
                Words.Of(a.RoleType), a.HourlyPayRate, ReportCsv.Day(a.StartDate), ReportCsv.Day(a.EndDate), a.RegistrationNumber ?? string.Empty, a.ProjectTeam ? "Yes" : "No"))),
            "cap-breaches" => ReportCsv.Of($"dfe-cap-breaches-{quarter.Code}.csv", (await dfe.CapBreachesAsync(quarter, cancellationToken)).Select(b => new DfeCapBreachCsvRow(
                b.PlacementId, Words.Of(b.RoleType), b.PayRate, b.Measured, b.Cap, b.Approvers, b.Reason, b.RecordedBy, ReportCsv.Day(DateOnly.FromDateTime(b.RecordedAt.UtcDateTime))))),
            _ => NotFound(),
        };
    }

    /// <summary>
    /// The quarter asked for, if it is offered. A quarter asked for and not offered (an address edited or kept too
    /// long) is said at the field, with the last quarter ended shown, rather than another quarter shown as if it
    /// were the one asked for.
    /// </summary>
    private Quarter ChooseQuarter()
    {
        var offered = dfe.Quarters();
        var quarter = Quarter.Parse(Period?.Trim()) is { } asked && offered.Contains(asked) ? asked : dfe.LastEnded();
        // Compared as quarters, not as text: "02026-Q2" is 2026-Q2, written another way.
        if (!string.IsNullOrWhiteSpace(Period) && Quarter.Parse(Period.Trim()) != quarter)
        {
            ModelState.Remove(nameof(Period));
            ModelState.AddModelError(nameof(Period), Quarter.Parse(Period.Trim()) switch
            {
                null => $"Choose a quarter from the list: the figures below are for the last quarter ended, {quarter.Label}",
                { } later when later.Start > offered[0].Start => $"{later.Label} has not started yet: the figures below are for the last quarter ended, {quarter.Label}",
                { } earlier => $"The return can be made for the last {offered.Count} quarters, and {earlier.Label} is before them: the figures below are for {quarter.Label}",
            });
        }
        Quarters = offered.Select(q => new SelectListItem(q.Label, q.Code, q == quarter)).ToList();
        Period = quarter.Code;
        return quarter;
    }
}
