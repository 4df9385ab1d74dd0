using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.JobRoles;

/// <summary>A new job role, offered for requisitions once saved, if the pay-rate rules allow its grade.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class NewModel(JobRoleAdministration administration) : PageModel, IJobRolePage
{
    [BindProperty]
    public JobRoleForm Input { get; set; } = new();

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
            TempData["Done"] = $"Added the job role {input.Title?.Trim()}";
            return RedirectToPage("Index");
        });
    }
}
