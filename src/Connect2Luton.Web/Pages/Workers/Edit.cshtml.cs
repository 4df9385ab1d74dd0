using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Workers;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Workers;

[Authorize(Policy = Permissions.ManageWorkers)]
public sealed class EditModel(WorkerQueries queries, WorkerCommands commands, WorkerChoices choices) : PageModel, IWorkerFormPage
{
    [BindProperty]
    public WorkerForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public WorkerChoices Choices => choices;

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        (Id, Name, Version, Input) = (id, $"{worker.FirstName} {worker.LastName}", worker.Version, WorkerForm.From(worker));
        await choices.LoadAsync(worker.SupplyAgencyId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        (Id, Name) = (id, $"{Input.FirstName} {Input.LastName}");
        var input = Input.Read(ModelState);
        // The agency supplying them now stays theirs to keep, though it has been deactivated since.
        var supplying = (await queries.DetailsAsync(id, cancellationToken))?.SupplyAgencyId;
        var result = ModelState.IsValid ? await commands.UpdateAsync(id, Version, input, cancellationToken) : await commands.CheckAsync(input, supplying, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = "Changes saved";
            return RedirectToPage("Details", new { id });
        }, async () =>
        {
            // Saved by someone else meanwhile (an edit, or a booking, which claims the worker): what was typed stays,
            // and the form now carries the version saved since, so saving again is a choice made having been told.
            if (result.Status == CommandStatus.Conflict && await queries.DetailsAsync(id, cancellationToken) is { } latest)
            {
                ModelState.Remove(nameof(Version));
                Version = latest.Version;
                ModelState.AddModelError(string.Empty, "The form still shows what you entered. Open the worker's record in another tab to see it as it is now, then save again to keep your changes.");
            }
            await choices.LoadAsync(supplying, cancellationToken);
            return Page();
        });
    }
}
