using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Placements;

public sealed class IndexModel(PlacementQueries placements, TimeProvider clock) : PageModel
{
    /// <summary>"all" lists every placement; otherwise only those in post today.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool ShowAll => string.Equals(Show, "all", StringComparison.OrdinalIgnoreCase);

    public DateOnly Today { get; private set; }

    public PagedResult<PlacementListItem> Results { get; private set; } = null!;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Placements", new Dictionary<string, string?> { ["show"] = ShowAll ? "all" : null });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Results = await placements.ListAsync(liveOnly: !ShowAll, new PageRequest(PageNumber), cancellationToken);
    }
}
