using Connect2Luton.Application.SignOffs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.SignOffs;

/// <summary>What waits for the user's sign-off, for the posts they hold or deputise for, and what they decided lately.</summary>
[Authorize]
public sealed class IndexModel(SignOffQueries queries) : PageModel
{
    public MySignOffs Mine { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Mine = await queries.QueueAsync(cancellationToken);
}
