using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.JobRoles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.JobRoles;

/// <summary>Every job role, active or deactivated, with what the serving pay-rate rules make of its grade.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class IndexModel(JobRoleAdministration administration) : PageModel
{
    public IReadOnlyList<JobRoleListing> Roles { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Roles = await administration.ListAsync(cancellationToken);
}
