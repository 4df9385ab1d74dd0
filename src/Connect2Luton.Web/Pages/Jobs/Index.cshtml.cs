using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Jobs;

/// <summary>The nightly jobs for admins: when each runs next, how its latest runs went, and running one now.</summary>
[Authorize(Policy = Permissions.RunJobs)]
public sealed class IndexModel(JobQueries queries, IJobScheduler scheduler, ScheduledJobs jobs, ICurrentUser user) : PageModel
{
    public IReadOnlyList<JobView> Jobs { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await queries.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string? job, CancellationToken cancellationToken)
    {
        if (jobs.Find(job) is not { } registered) return NotFound();
        if (!queries.MayRunNow(registered)) return Forbid();
        await scheduler.RunNowAsync(registered.Name, user.Name, cancellationToken);
        Done = $"{registered.DisplayName} has been started. Reload this page to follow its progress.";
        return RedirectToPage();
    }
}
