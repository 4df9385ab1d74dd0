using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.HiringManagers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.HiringManagers;

/// <summary>Every hiring manager, active or deactivated, and whether they sign in.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class IndexModel(HiringManagerAdministration administration) : PageModel
{
    public IReadOnlyList<HiringManagerListing> Managers { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Managers = await administration.ListAsync(cancellationToken);
}
