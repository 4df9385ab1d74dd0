using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Requisitions;

[Authorize(Policy = Permissions.RaiseRequisitions)]
public sealed class NewModel(RequisitionCommands commands, RequisitionChoices choices, ICurrentUser user) : PageModel, IRequisitionFormPage
{
    [BindProperty]
    public RequisitionForm Input { get; set; } = new();

    public RequisitionChoices Choices => choices;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await choices.LoadAsync(cancellationToken);
        Input.ServiceAreaId = user.ServiceAreaId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Input.Read(ModelState);
        // A number or date that could not be read refuses the form; the rest is still checked so every problem shows at once.
        var result = ModelState.IsValid ? await commands.RaiseAsync(input, cancellationToken) : await commands.CheckAsync(input, cancellationToken);
        return await this.AnswerAsync(result, () => RedirectToPage("Details", new { id = result.Id }), async () =>
        {
            await choices.LoadAsync(cancellationToken);
            return Page();
        });
    }
}
