using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Users;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Admin.Users;

/// <summary>A new account: who and what they do. It has no password until its holder sets one with a link from their page.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class NewModel(UserAdministration administration, ReferenceNames names) : PageModel, IAccountPage
{
    [BindProperty]
    public AccountForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ServiceAreas { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SupplyAgencies { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid) return Page();
        var (result, id) = await administration.CreateAsync(Input.Read(), cancellationToken);
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded && id is not null)
        {
            Done = $"{Input.Name?.Trim()} has an account. Make them a link to set their password, and hand it over.";
            return RedirectToPage("Edit", new { id });
        }
        ModelState.AddRefusal(result);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ServiceAreas = (await names.ServiceAreasAsync(cancellationToken)).Where(a => a.IsActive).Select(a => new SelectListItem(a.Name, AccountForm.Id(a.Id))).ToList();
        SupplyAgencies = (await names.SupplyAgenciesAsync(cancellationToken))
            .Where(a => a.IsActive && a.Kind != Domain.SupplyAgencies.SupplyAgencyKind.InHousePool).Select(a => new SelectListItem(a.Name, AccountForm.Id(a.Id))).ToList();
    }
}
