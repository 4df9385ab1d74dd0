using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Conversions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Conversions;

/// <summary>Conversion prompts waiting on someone (or closed ones), for recruiters and each service's hiring manager.</summary>
[Authorize(Policy = Permissions.HandleConversions)]
public sealed class IndexModel(ConversionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ConversionShow? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "page", BinderType = typeof(Forms.PageNumberBinder))]
    public int PageNumber { get; set; } = 1;

    public ConversionShow Showing => Show is { } s && Enum.IsDefined(s) ? s : ConversionShow.Open;

    public PagedResult<ConversionPromptView> Results { get; private set; } = null!;

    public Pager Pager => new(Results.Page, Results.PageCount, Results.TotalCount, "/Conversions",
        new Dictionary<string, string?> { ["show"] = Showing == ConversionShow.Open ? null : Showing.ToString() });

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await queries.ListAsync(Showing, new PageRequest(PageNumber), cancellationToken);
}
