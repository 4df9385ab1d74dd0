using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.ServiceAreas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.ServiceAreas;

/// <summary>Every service area, active or deactivated.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class IndexModel(ServiceAreaAdministration administration) : PageModel
{
    public IReadOnlyList<ServiceAreaRow> Areas { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Areas = await administration.ListAsync(cancellationToken);
}
