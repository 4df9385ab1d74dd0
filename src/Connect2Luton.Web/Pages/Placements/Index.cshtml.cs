using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Placements;

public sealed class IndexModel(PlacementQueries placements, ReferenceNames names, DataScope scope, TimeProvider clock) : PageModel
{
    /// <summary>Which placements: in post today (the default), booked, ended or all.</summary>
    [BindProperty(SupportsGet = true)]
    [System.ComponentModel.DataAnnotations.Display(Name = "Show")]
    public PlacementShow? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Service { get; set; }

    /// <summary>Only the placements of one hiring organisation's services; one not on the list is said at the field, and every organisation's are listed.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    [System.ComponentModel.DataAnnotations.Display(Name = "Job family")]
    public JobFamily? Family { get; set; }

    /// <summary>Only placements with a rate signed off above its cap: the cap exception register.</summary>
    [BindProperty(SupportsGet = true, Name = "overcap")]
    public bool OverCap { get; set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    /// <summary>The last row of the page before, in the link from it (<see cref="PlacementCursor"/>); anything else is ignored.</summary>
    [FromQuery(Name = "after")]
    public string? After { get; set; }

    /// <summary>The first row of the page after, in the link from it.</summary>
    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    public DateOnly Today { get; private set; }

    public PagedResult<PlacementListItem> Results { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public bool ShowsServiceFilter => scope.SeesEveryService;

    public PlacementShow Showing => Show is { } s && Enum.IsDefined(s) ? s : PlacementShow.InPost;

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["show"] = Showing == PlacementShow.InPost ? null : Showing.ToString(),
        ["service"] = Service?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["organisation"] = Organisation?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["family"] = Family?.ToString(),
        ["overcap"] = OverCap ? "true" : null,
    };

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Placements", Filters)
    {
        Audience = User.Identity?.Name,
        FirstRow = Results.Items.Count == 0 ? null : PlacementCursor.Of(Results.Items[0].Row).ToString(),
        LastRow = Results.Items.Count == 0 ? null : PlacementCursor.Of(Results.Items[^1].Row).ToString(),
    };

    // A filter that fails to bind keeps its default, so an address-bar typo lists (and says so) rather than fails.
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ChooseAsync(cancellationToken);
        await ListAsync(cancellationToken);
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Results = await placements.ListAsync(Filter(), new PageRequest(PageNumber), cancellationToken, PlacementCursor.Parse(Pager.EdgeFor(After, PageNumber, "/Placements", Filters, User.Identity?.Name)), PlacementCursor.Parse(Pager.EdgeFor(Before, PageNumber, "/Placements", Filters, User.Identity?.Name)));
    }

    /// <summary>The placements the filters match, as CSV; a filter that could not be read downloads nothing in its place, and the list says which.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await ChooseAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            await ListAsync(cancellationToken);
            return Page();
        }
        return new CsvDownload<PlacementCsvRow>("placements.csv", Rows(cancellationToken));
    }

    /// <summary>The organisation and service as given, one not on the list said at its field (and read as none).</summary>
    private async Task ChooseAsync(CancellationToken cancellationToken)
    {
        var organisation = await Reports.OrganisationChoice.ReadAsync(names, narrowed: null, Organisation, ModelState, cancellationToken, "the placements below are", offered: ShowsServiceFilter);
        Organisation = organisation.Chosen;
        Organisations = organisation.Items;
        var service = await Reports.ServiceChoice.ReadAsync(names, Service, ModelState, ShowsServiceFilter, cancellationToken, "the placements below are");
        Service = service.Chosen;
        Services = service.Items;
    }

    private async IAsyncEnumerable<PlacementCsvRow> Rows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = clock.Today();
        await foreach (var item in placements.ExportAsync(Filter(), cancellationToken)) yield return PlacementCsvRow.From(item, today);
    }

    private PlacementFilter Filter() => new(Showing, Service, Family is { } f && Enum.IsDefined(f) ? f : null, OverCap, Organisation);
}
