using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.HiringOrganisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Organisations;

/// <summary>Every hiring organisation, the council first.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class IndexModel(HiringOrganisationAdministration administration) : PageModel
{
    public IReadOnlyList<HiringOrganisationRow> Organisations { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Organisations = await administration.ListAsync(cancellationToken);
}
