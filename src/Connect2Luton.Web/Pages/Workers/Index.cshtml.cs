using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Workers;

[Authorize(Policy = Permissions.ManageWorkers)]
public sealed class IndexModel(WorkerQueries workers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Postcode { get; set; }

    [BindProperty(SupportsGet = true)]
    public JobFamily? Family { get; set; }

    [BindProperty(SupportsGet = true)]
    public ComplianceFilter? Compliance { get; set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public PagedResult<WorkerListItem> Results { get; private set; } = null!;

    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?>
    {
        ["name"] = Name,
        ["postcode"] = Postcode,
        ["family"] = Family?.ToString(),
        ["compliance"] = Compliance?.ToString(),
    };

    /// <summary>The last worker on the page before, in the link from it; anything else is ignored.</summary>
    [FromQuery(Name = "after")]
    public string? After { get; set; }

    /// <summary>The first worker on the page after, in the link from it.</summary>
    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Workers", Filters)
    {
        Audience = User.Identity?.Name,
        FirstRow = Results.Items.Count == 0 ? null : EdgeText(Results.Items[0].Row),
        LastRow = Results.Items.Count == 0 ? null : EdgeText(Results.Items[^1].Row),
    };

    // The worker and their version, not their name: names stay out of addresses (and so out of logs and histories).
    private static string EdgeText(WorkerRow row) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{row.Id}.{row.Version}");

    private static WorkerEdge? Edge(string? text) =>
        text?.Split('.') is [var id, var version]
        && int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var worker) && worker > 0
        && int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var saved)
            ? new WorkerEdge(worker, saved)
            : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await workers.ListAsync(Filter(), new PageRequest(PageNumber), cancellationToken, Edge(Pager.EdgeFor(After, PageNumber, "/Workers", Filters, User.Identity?.Name)), Edge(Pager.EdgeFor(Before, PageNumber, "/Workers", Filters, User.Identity?.Name)));

    public IActionResult OnGetExport(CancellationToken cancellationToken) =>
        new CsvDownload<WorkerCsvRow>("workers.csv", Rows(cancellationToken));

    private async IAsyncEnumerable<WorkerCsvRow> Rows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in workers.ExportAsync(Filter(), cancellationToken)) yield return WorkerCsvRow.From(item);
    }

    // Searches longer than anything stored find nothing; they are cut rather than sent to the database whole.
    private WorkerFilter Filter() => new(
        Name is { Length: > Domain.Common.Limits.Name } ? Name[..Domain.Common.Limits.Name] : Name,
        Postcode is { Length: > Domain.Common.Limits.Postcode } ? Postcode[..Domain.Common.Limits.Postcode] : Postcode,
        Family is { } f && Enum.IsDefined(f) ? f : null,
        Compliance is { } c && Enum.IsDefined(c) ? c : null);
}
