using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Jobs;

/// <summary>The nightly jobs for admins: when each runs next, how its latest runs went, and running one now.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(JobQueries queries, IJobScheduler scheduler, ICurrentUser user) : PageModel
{
    public IReadOnlyList<JobView> Jobs { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await queries.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string? job, CancellationToken cancellationToken)
    {
        if (job is null || !JobNames.All.Contains(job)) return NotFound();
        await scheduler.RunNowAsync(job, user.Name, cancellationToken);
        Done = $"{JobNames.Describe(job)} has been started. Reload this page to follow its progress.";
        return RedirectToPage();
    }
}
