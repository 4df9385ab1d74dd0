using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Requisitions;

public sealed class EditModel(RequisitionQueries queries, RequisitionCommands commands, RequisitionChoices choices) : PageModel, IRequisitionFormPage
{
    [BindProperty]
    public RequisitionForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public RequisitionChoices Choices => choices;

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } requisition) return NotFound();
        if (!requisition.Permitted.Contains(RequisitionAction.Revise)) return Forbid();
        if (!requisition.Actions.Contains(RequisitionAction.Revise)) return RedirectToPage("Details", new { id });
        Id = id;
        Input = RequisitionForm.From(requisition);
        Version = requisition.Version;
        await choices.LoadAsync(requisition, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var input = Input.Read(ModelState);
        var result = ModelState.IsValid ? await commands.ReviseAsync(id, Version, input, cancellationToken) : await commands.CheckRevisionAsync(id, input, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = "Changes saved";
            return RedirectToPage("Details", new { id });
        }, async () =>
        {
            await choices.LoadAsync(await queries.DetailsAsync(id, cancellationToken), cancellationToken);
            return Page();
        });
    }
}
