using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Microsoft.AspNetCore.Authorization;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>A placement's week on the council's side: recruiters enter hours, the service's hiring managers approve or query them.</summary>
[Authorize(Policy = Permissions.SeeTimesheets)]
public sealed class WeekModel(TimesheetQueries queries, TimesheetCommands commands) : TimesheetWeekPage(queries, commands)
{
    public override string PathOf(int placementId, DateOnly weekStart) => $"/Timesheets/{placementId}/{WeekText(weekStart)}";

    public override string ListPath => "/Timesheets";
}
