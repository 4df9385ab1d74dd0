using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Requisitions;

public sealed class IndexModel(RequisitionQueries requisitions, ReferenceNames names, RequisitionPermissions permissions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [System.ComponentModel.DataAnnotations.Display(Name = "Status")]
    public RequisitionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Service { get; set; }

    /// <summary>Only the requisitions of one hiring organisation's services; one not on the list is said at the field, and every organisation's are listed.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    [System.ComponentModel.DataAnnotations.Display(Name = "Job family")]
    public JobFamily? Family { get; set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public PagedResult<RequisitionListItem> Results { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public bool ShowsServiceFilter => !permissions.IsScopedToOwnService;

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(),
        ["service"] = Service?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["family"] = Family?.ToString(),
    };

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Requisitions", Filters);

    // A filter that fails to bind keeps its default, so an address-bar typo lists everything (and says so) instead of failing.
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ChooseAsync(cancellationToken);
        await ListAsync(cancellationToken);
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Results = await requisitions.ListAsync(Filter(), new PageRequest(PageNumber), cancellationToken);
    }

    /// <summary>The requisitions the filters match, as CSV; a filter that could not be read downloads nothing in its place, and the list says which.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await ChooseAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            await ListAsync(cancellationToken);
            return Page();
        }
        return new CsvDownload<RequisitionCsvRow>("requisitions.csv", Rows(cancellationToken));
    }

    /// <summary>The organisation and service as given, one not on the list said at its field (and read as none).</summary>
    private async Task ChooseAsync(CancellationToken cancellationToken)
    {
        var organisation = await Reports.OrganisationChoice.ReadAsync(names, narrowed: null, Organisation, ModelState, cancellationToken, "the requisitions below are", offered: ShowsServiceFilter);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var service = await Reports.ServiceChoice.ReadAsync(names, Service, ModelState, ShowsServiceFilter, cancellationToken, "the requisitions below are");
        Service = service.Chosen;
        Services = service.Items;
    }

    private async IAsyncEnumerable<RequisitionCsvRow> Rows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in requisitions.ExportAsync(Filter(), cancellationToken)) yield return RequisitionCsvRow.From(item);
    }

    private RequisitionFilter Filter() => new(
        Status is { } s && Enum.IsDefined(s) ? s : null,
        Service,
        Family is { } f && Enum.IsDefined(f) ? f : null,
        Organisation);
}
