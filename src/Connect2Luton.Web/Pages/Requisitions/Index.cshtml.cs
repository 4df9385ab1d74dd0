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
    public RequisitionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Service { get; set; }

    /// <summary>Only the placements of one hiring organisation's services; an id not on the list narrows to none.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
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

    // A filter that fails to bind keeps its default, so an address-bar typo lists everything instead of failing.
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Results = await requisitions.ListAsync(Filter(), new PageRequest(PageNumber), cancellationToken);
        Services = (await names.ServiceAreasAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Id == Service)).ToList();
        Organisations = (await names.HiringOrganisationsAsync(cancellationToken))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Id == Organisation)).ToList();
    }

    public IActionResult OnGetExport(CancellationToken cancellationToken) =>
        new CsvDownload<RequisitionCsvRow>("requisitions.csv", Rows(cancellationToken));

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
