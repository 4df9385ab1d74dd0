using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Email;
using Connect2Luton.Application.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Jobs;

/// <summary>
/// The nightly jobs for admins: when each runs next, how its latest runs went, and running one now; and the emails
/// the background sender has still to send or has given up on.
/// </summary>
[Authorize(Policy = Permissions.RunJobs)]
public sealed class IndexModel(JobQueries queries, IJobScheduler scheduler, ScheduledJobs jobs, IOutbox outbox, ICurrentUser user) : PageModel
{
    public IReadOnlyList<JobView> Jobs { get; private set; } = [];

    public OutboxFigures Emails { get; private set; } = OutboxFigures.NotSending;

    [TempData]
    public string? Done { get; set; }

    /// <summary>False on a server that leaves the jobs to another on the same database (Scheduling:RunJobs).</summary>
    public bool RunsHere => queries.RunsHere;

    [TempData]
    public string? NotStarted { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Jobs = await queries.ListAsync(cancellationToken);
        Emails = await outbox.FiguresAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRunAsync(string? job, CancellationToken cancellationToken)
    {
        if (jobs.Find(job) is not { } registered) return NotFound();
        // A page opened on the server that runs the jobs may be posted to one that does not, behind a load balancer.
        if (!queries.RunsHere)
        {
            NotStarted = $"{registered.DisplayName} was not started: this server does not run the scheduled jobs (another server of Connect2Luton does). Open this page again, and run it when the page offers \"Run now\".";
            return RedirectToPage();
        }
        if (!queries.MayRunNow(registered)) return Forbid();
        await scheduler.RunNowAsync(registered.Name, user.Name, cancellationToken);
        Done = $"{registered.DisplayName} has been started. Reload this page to follow its progress.";
        return RedirectToPage();
    }
}
