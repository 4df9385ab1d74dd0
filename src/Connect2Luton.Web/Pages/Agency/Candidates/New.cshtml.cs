using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency.Candidates;

[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class NewModel(AgencyCandidates candidates, WorkerChoices choices) : PageModel, IWorkerFormPage
{
    [BindProperty]
    public WorkerForm Input { get; set; } = new();

    public WorkerChoices Choices => choices;

    public bool KeptByAnAgency => true;

    // A deactivated agency's staff add nothing, so they are not offered a form that could only be refused.
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await candidates.CanAddAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Input.Read(ModelState);
        var result = ModelState.IsValid ? await candidates.AddAsync(input, cancellationToken) : await candidates.CheckAsync(input, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["Done"] = "Candidate added";
            return RedirectToPage("Details", new { id = result.Id });
        });
    }
}
