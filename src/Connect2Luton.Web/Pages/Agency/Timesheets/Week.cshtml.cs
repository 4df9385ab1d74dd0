using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Web.Pages.Timesheets;
using Microsoft.AspNetCore.Authorization;

namespace Connect2Luton.Web.Pages.Agency.Timesheets;

/// <summary>
/// A week of one of the agency's own workers, in its portal: its staff enter the hours and send them to the hiring
/// manager, correct a week queried back, and start the correction of an approved one, which the manager approves as
/// any other. Another agency's placement is not found. They see the pay and what the council is charged (they invoice
/// it), not the on-costs and margin it is made of.
/// </summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
[Authorize(Policy = Permissions.EnterTimesheets)]
public sealed class WeekModel(TimesheetQueries queries, TimesheetCommands commands) : TimesheetWeekPage(queries, commands)
{
    public override string PathOf(int placementId, DateOnly weekStart) => $"/Agency/Timesheets/{placementId}/{WeekText(weekStart)}";

    public override string ListPath => "/Agency/Timesheets";

    public override bool ShowsCosts => false;

    public override bool ShowsCharge => true;
}
