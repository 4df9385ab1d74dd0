using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.SupplyAgencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.SupplyAgencies;

/// <summary>Every supply agency, active or deactivated.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class IndexModel(SupplyAgencyAdministration administration) : PageModel
{
    public IReadOnlyList<SupplyAgencyRow> Agencies { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Agencies = await administration.ListAsync(cancellationToken);
}
