using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Timesheets;

/// <summary>Approved weeks owed pay since a back-dated rate change (AWR pay parity), in the services the user sees.</summary>
[Authorize(Policy = Permissions.SeeTimesheets)]
public sealed class UnderpaidModel(Underpayments underpayments) : PageModel
{
    public IReadOnlyList<Underpayment> Weeks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Weeks = await underpayments.ListAsync(cancellationToken);
}
