using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Requisitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Requisitions;

public sealed class IndexModel(RequisitionQueries requisitions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RequisitionStatus? Status { get; set; }

    // "page" is Razor Pages' own route value, so the page number is read from the query string explicitly.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<RequisitionListItem> Results { get; private set; } = null!;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Requisitions",
        new Dictionary<string, string?> { ["status"] = Status?.ToString() });

    // A filter that fails to bind keeps its default, so an address-bar typo lists everything instead of failing.
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Status is { } status && !Enum.IsDefined(status)) Status = null;
        Results = await requisitions.ListAsync(Status, new PageRequest(PageNumber), cancellationToken);
    }
}
