using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Web.Pages.Timesheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Timesheets;

/// <summary>
/// The agency's timesheets: the weeks its workers still owe hours for (queried ones first, with the manager's reason),
/// and its workers' weeks newest first, paged by the last row shown as the council's list is.
/// </summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
[Authorize(Policy = Permissions.EnterTimesheets)]
public sealed class IndexModel(AgencyTimesheets agency, TimesheetQueries timesheets, ReferenceNames names, DataScope scope) : PageModel
{
    [FromQuery(Name = "older")]
    public string? Older { get; set; }

    [FromQuery(Name = "newer")]
    public string? Newer { get; set; }

    public AgencyOwedWeeks Owed { get; private set; } = null!;

    public TimesheetPage Recent { get; private set; } = null!;

    public string AgencyName { get; private set; } = string.Empty;

    /// <summary>Turning the pages of the recent weeks leaves the list of weeks owed off the top, as it does not change with them.</summary>
    public bool Paging => Older is not null || Newer is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await agency.OwedAsync(cancellationToken) is not { } owed) return NotFound();
        Owed = owed;
        Recent = await timesheets.ListAsync(new TimesheetFilter(), TimesheetCursor.Parse(Older), TimesheetCursor.Parse(Newer), cancellationToken);
        AgencyName = await AgencyNames.OfAsync(names, scope, cancellationToken);
        return Page();
    }

    public static string WeekPath(int placementId, DateOnly week) => $"/Agency/Timesheets/{placementId}/{TimesheetWeekPage.WeekText(week)}";
}
