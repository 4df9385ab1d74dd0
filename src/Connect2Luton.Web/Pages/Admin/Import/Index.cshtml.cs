using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.Import;

/// <summary>Bringing data in: what can be brought in, and the latest files uploaded and what they came to.</summary>
[Authorize(Policy = Permissions.ImportData)]
public sealed class IndexModel(DataImports imports) : PageModel
{
    public IReadOnlyList<ImportListItem> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Recent = await imports.RecentAsync(cancellationToken);
}
