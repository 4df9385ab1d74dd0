using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.SupplyChain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Agency;

/// <summary>The vacancies released to the user's agency that are still taking candidates, soonest start first.</summary>
[Authorize(Policy = Permissions.SupplyCandidates)]
public sealed class IndexModel(AgencyRequisitionQueries queries, ReferenceNames names, DataScope scope) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public PagedResult<SuppliedRequisition> Results { get; private set; } = null!;

    public string AgencyName { get; private set; } = string.Empty;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Agency", new Dictionary<string, string?>());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await queries.TakingCandidatesAsync(new PageRequest(PageNumber), cancellationToken) is not { } results) return NotFound();
        Results = results;
        AgencyName = await AgencyNames.OfAsync(names, scope, cancellationToken);
        return Page();
    }
}

/// <summary>The name of the agency the user acts for, for headings.</summary>
internal static class AgencyNames
{
    public static async Task<string> OfAsync(ReferenceNames names, DataScope scope, CancellationToken cancellationToken) =>
        (await names.SupplyAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Id == scope.OnlySupplyAgency)?.Name ?? "Your agency";
}
