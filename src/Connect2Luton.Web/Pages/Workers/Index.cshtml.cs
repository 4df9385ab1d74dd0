using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Workers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Workers;

public sealed class IndexModel(WorkerQueries workers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<WorkerListItem> Results { get; private set; } = null!;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Workers", new Dictionary<string, string?> { ["name"] = Name });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A search longer than any name finds nothing; it is cut rather than sent to the database whole.
        if (Name is { Length: > Domain.Common.Limits.Name }) Name = Name[..Domain.Common.Limits.Name];
        Results = await workers.ListAsync(Name, new PageRequest(PageNumber), cancellationToken);
    }
}
