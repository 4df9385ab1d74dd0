using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.ServiceAreas;

/// <summary>A new service area, offered for requisitions and hiring managers once saved.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class NewModel(ServiceAreaAdministration administration) : PageModel, IServiceAreaPage
{
    [BindProperty]
    public ServiceAreaForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Input.Read(ModelState);
        // A number that could not be read refuses the form; the rest is still checked so every problem shows at once.
        var result = ModelState.IsValid ? await administration.CreateAsync(input, cancellationToken) : await administration.CheckAsync(input, null, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = $"Added the service area {input.Name?.Trim()}";
            return RedirectToPage("Index");
        });
    }
}
