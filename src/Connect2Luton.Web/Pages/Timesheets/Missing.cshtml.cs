using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Timesheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>Placements live last week with no hours sent for it, in the services the user sees: what Monday's reminder goes out about.</summary>
[Authorize(Policy = Permissions.SeeTimesheets)]
public sealed class MissingModel(MissingTimesheets missing, DataScope scope, TimeProvider clock) : PageModel
{
    public const int Most = 200;

    public DateOnly Week { get; private set; }

    public IReadOnlyList<MissingTimesheet> Rows { get; private set; } = [];

    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Week = TimesheetWeek.MondayOf(clock.Today()).AddDays(-7);
        (Rows, More) = await missing.ListAsync(Week, scope.ServiceAreas, Most, cancellationToken);
    }
}
