using System.ComponentModel.DataAnnotations;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Conversions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Connect2Luton.Web.Pages.Reports;

namespace Connect2Luton.Web.Pages.Conversions;

/// <summary>Conversion prompts waiting on someone (or closed ones), for recruiters and each service's hiring manager.</summary>
[Authorize(Policy = Permissions.HandleConversions)]
public sealed class IndexModel(ConversionQueries queries, ReferenceNames names, DataScope scope) : PageModel
{
    /// <summary>Only the prompts of one hiring organisation's services; one not on the list is said at the field.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Hiring organisation")]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>A hiring manager's prompts are their own service's already: only those who see every service choose an organisation.</summary>
    public bool ChoosesOrganisation => scope.SeesEveryService;

    [BindProperty(SupportsGet = true)]
    public ConversionShow? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public ConversionShow Showing => Show is { } s && Enum.IsDefined(s) ? s : ConversionShow.Open;

    public PagedResult<ConversionPromptView> Results { get; private set; } = null!;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Conversions",
        new Dictionary<string, string?>
        {
            ["show"] = Showing == ConversionShow.Open ? null : Showing.ToString(),
            ["organisation"] = Organisation?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await OrganisationChoice.ReadAsync(names, narrowed: null, Organisation, ModelState, cancellationToken, "the prompts below are", offered: ChoosesOrganisation);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        Results = await queries.ListAsync(Showing, new PageRequest(PageNumber), cancellationToken, Organisation);
    }
}
