using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Candidates;

[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class EditModel(AgencyCandidates candidates, WorkerChoices choices) : PageModel, IWorkerFormPage
{
    [BindProperty]
    public WorkerForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public WorkerChoices Choices => choices;

    public bool KeptByAnAgency => true;

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await candidates.DetailsAsync(id, cancellationToken) is not { } worker) return NotFound();
        (Id, Name, Version, Input) = (id, $"{worker.FirstName} {worker.LastName}", worker.Version, WorkerForm.From(worker));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await candidates.DetailsAsync(id, cancellationToken) is not { } current) return NotFound();
        (Id, Name) = (id, $"{current.FirstName} {current.LastName}");
        var input = Input.Read(ModelState);
        var result = ModelState.IsValid ? await candidates.UpdateAsync(id, Version, input, cancellationToken) : await candidates.CheckAsync(input, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = "Changes saved";
            return RedirectToPage("Details", new { id });
        }, () =>
        {
            // Saved meanwhile (by a colleague, or a booking claiming them): what was typed stays, against the version saved since.
            if (result.Status == CommandStatus.Conflict)
            {
                ModelState.Remove(nameof(Version));
                Version = current.Version;
            }
            return Task.FromResult<IActionResult>(Page());
        });
    }
}
