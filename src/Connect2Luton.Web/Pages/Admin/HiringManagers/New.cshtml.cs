using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Admin.HiringManagers;

/// <summary>A new hiring manager, whom recruiters can name on requisitions for their service once saved.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class NewModel(HiringManagerAdministration administration, ReferenceNames names) : PageModel, IHiringManagerPage
{
    [BindProperty]
    public HiringManagerForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ServiceAreas { get; private set; } = [];

    public bool ServiceFollowsAccount => false;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var result = await administration.CreateAsync(Input.Read(), cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = $"Added the hiring manager {Input.Name?.Trim()}";
            return RedirectToPage("Index");
        });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        ServiceAreas = [.. (await names.ServiceAreasAsync(cancellationToken)).Where(a => a.IsActive).Select(a => new SelectListItem(a.Name, AccountForm.Id(a.Id)))];
}
