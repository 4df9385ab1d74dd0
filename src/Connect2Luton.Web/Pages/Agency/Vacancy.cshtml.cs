using System.ComponentModel.DataAnnotations;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Agency;

/// <summary>
/// A vacancy released to the user's agency: what it needs, the candidates the agency has put forward for it, and a
/// form to put another forward. One not released to the agency is not found.
/// </summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class VacancyModel(AgencyRequisitionQueries queries, AgencyCandidates candidates, AgencySubmissions submissions, SubmissionQueries submitted) : PageModel
{
    public SuppliedRequisition Vacancy { get; private set; } = null!;

    public IReadOnlyList<AgencySubmission> PutForward { get; private set; } = [];

    /// <summary>The pages of the candidates put forward, where there are more than a page holds.</summary>
    public Pager? PutForwardPager { get; private set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    /// <summary>More candidates could be put forward than the list holds: the page asks for a name.</summary>
    public bool MoreCandidates { get; private set; }

    /// <summary>The start of a candidate's first or last name, narrowing the list.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty]
    public PutForwardForm Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        // A candidate the form never offered is said as such, not looked up.
        if (ModelState.GetFieldValidationState("Input.WorkerId") == ModelValidationState.Invalid) return Page();
        var result = await submissions.SubmitAsync(id, Input.WorkerId, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            Done = "Candidate put forward. The council's recruiters will see them with this vacancy";
            return RedirectToPage(new { id });
        });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } vacancy) return false;
        Vacancy = vacancy;
        if (await submitted.OfAgencyAsync(id, new PageRequest(PageNumber), cancellationToken) is { } put)
        {
            PutForward = put.Items;
            PutForwardPager = new Pager(put.Page, put.PageCount, put.TotalCount, $"/Agency/Vacancies/{id}", new Dictionary<string, string?> { ["name"] = Name })
            {
                Label = "Pages of your candidates for this vacancy",
            };
        }
        var choices = await candidates.ForVacancyAsync(vacancy, Name, cancellationToken);
        Candidates = (choices?.Candidates ?? [])
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        MoreCandidates = choices?.More ?? false;
        return true;
    }

    public sealed class PutForwardForm
    {
        [Display(Name = "Candidate")]
        public int? WorkerId { get; set; }
    }
}
