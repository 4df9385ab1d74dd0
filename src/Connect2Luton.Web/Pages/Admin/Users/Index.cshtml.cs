using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Users;

/// <summary>Everyone with an account: their roles, the service a hiring manager acts for, when they last signed in, and whether they can.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class IndexModel(IUserAccounts accounts, ReferenceNames names) : PageModel
{
    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Services { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> Agencies { get; private set; } = new Dictionary<int, string>();

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(cancellationToken);
        Services = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        Agencies = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
    }
}
