using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Web.Pages.Timesheets;
using Microsoft.AspNetCore.Authorization;

namespace Connect2Luton.Web.Pages.Me;

/// <summary>A worker's own week: their hours entered on their phone and sent to their manager, and their queried and approved weeks.</summary>
[Authorize(Policy = Permissions.KeepOwnWorkerRecord)]
public sealed class WeekModel(TimesheetQueries queries, TimesheetCommands commands) : TimesheetWeekPage(queries, commands)
{
    public override string PathOf(int placementId, DateOnly weekStart) => $"/Me/Timesheets/{placementId}/{WeekText(weekStart)}";

    public override string ListPath => "/Me";

    public override bool ShowsCosts => false;

    public override string NoHoursWorkedLabel => "I worked no hours this week";

    public override bool ForTheWorker => true;
}
