using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.HiringOrganisations;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Organisations;

/// <summary>A new hiring organisation; its service areas are then added or moved to it.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class NewModel(HiringOrganisationAdministration administration) : PageModel, IOrganisationPage
{
    [BindProperty]
    public HiringOrganisationForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Input.Read(ModelState);
        var result = ModelState.IsValid ? await administration.CreateAsync(input, cancellationToken) : await administration.CheckAsync(input, null, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = $"Added {input.Name?.Trim()}: add its service areas, or move them to it, under Service areas";
            return RedirectToPage("Index");
        });
    }
}
