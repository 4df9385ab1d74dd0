using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Workers;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Workers;

[Authorize(Policy = Permissions.ManageWorkers)]
public sealed class NewModel(WorkerCommands commands, WorkerChoices choices) : PageModel, IWorkerFormPage
{
    [BindProperty]
    public WorkerForm Input { get; set; } = new();

    public WorkerChoices Choices => choices;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await choices.LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Input.Read(ModelState);
        var result = ModelState.IsValid ? await commands.RegisterAsync(input, cancellationToken) : await commands.CheckAsync(input, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = "Worker added to the pool";
            return RedirectToPage("Details", new { id = result.Id });
        }, async () =>
        {
            await choices.LoadAsync(cancellationToken);
            return Page();
        });
    }
}
