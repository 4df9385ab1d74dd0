using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>A placement's week on the council's side: recruiters enter hours, and here alone the service's hiring managers approve or query them.</summary>
[Authorize(Policy = Permissions.SeeTimesheets)]
public sealed class WeekModel(TimesheetQueries queries, TimesheetCommands commands, Application.Placements.Changes.PayParityChange parityChange) : TimesheetWeekPage(queries, commands)
{
    /// <summary>The placement's version when the page was read, for a change to its rates.</summary>
    [BindProperty]
    public int PlacementVersion { get; set; }

    /// <summary>Changes the placement's pay to the AWR parity rate from the day it is due, in one step.</summary>
    public async Task<IActionResult> OnPostApplyParityAsync(int placementId, string week, CancellationToken cancellationToken)
    {
        if (await LoadAsync(placementId, week, cancellationToken) is { } notHere) return notHere;
        if (!Access.Allows(User.IsInRole, Permissions.ManagePlacements)) return Forbid();
        var result = await parityChange.ApplyAsync(placementId, PlacementVersion, cancellationToken);
        return await AnswerAsync(result, "Pay parity applied: the placement's rate changed from the day it is due, and this week is priced at it", placementId, week, cancellationToken);
    }

    public override string PathOf(int placementId, DateOnly weekStart) => $"/Timesheets/{placementId}/{WeekText(weekStart)}";

    public override string ListPath => "/Timesheets";

    public async Task<IActionResult> OnPostApproveAsync(int placementId, string week, CancellationToken cancellationToken)
    {
        if (await LoadAsync(placementId, week, cancellationToken) is { } notHere) return notHere;
        if (!View.MayApprove) return Forbid();
        if (View.Current is not { } current) return Nothing("There is no timesheet this week yet");
        if (current.Id != TimesheetId) return Changed();
        if (Priced is not null && Priced != PricedNow)
        {
            var uk = CultureInfo.GetCultureInfo("en-GB");
            return Changed($"What this week comes to has changed since you opened it, because a rate or the hiring organisation's charge terms changed: it now comes to {View.Lines.Sum(l => l.Charge).ToString("C", uk)} (pay {View.Lines.Sum(l => l.Pay).ToString("C", uk)}). Look at it again, then approve it.");
        }
        var result = await Commands.ApproveAsync(current.Id, Version, cancellationToken);
        return await AnswerAsync(result, "Timesheet approved", placementId, week, cancellationToken);
    }

    public async Task<IActionResult> OnPostQueryAsync(int placementId, string week, CancellationToken cancellationToken)
    {
        if (await LoadAsync(placementId, week, cancellationToken) is { } notHere) return notHere;
        if (!View.MayApprove) return Forbid();
        if (View.Current is not { } current) return Nothing("There is no timesheet this week yet");
        if (current.Id != TimesheetId) return Changed();
        var result = await Commands.QueryAsync(current.Id, Version, Input.Reason, cancellationToken);
        return await AnswerAsync(result, "Timesheet queried: it is back with whoever entered it", placementId, week, cancellationToken);
    }
}
