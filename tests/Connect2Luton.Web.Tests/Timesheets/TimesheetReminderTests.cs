using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Timesheets;

public sealed class TimesheetReminderTests(EmailingFactory factory) : IClassFixture<EmailingFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Mondays_reminder_lists_last_weeks_missing_hours_and_emails_the_worker_a_link_to_their_week_and_each_agency_its_workers()
    {
        // The demo data leaves the demo worker's last week (16 November) unsent, and about a quarter of the rest.
        var (placement, workerEmail, missingBefore) = await ArrangeAsync();
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var listed = await manager.GetPageAsync("/Timesheets/Missing");
        listed.Text("h1").ShouldBe("Hours not sent for the week of 16 November 2026");
        listed.Text("#missing").ShouldContain(await WorkerNameAsync(placement));

        var job = factory.Services.GetRequiredService<ScheduledJobs>().Find(JobNames.TimesheetReminders)!;
        await job.Run(factory.Services, "test", CancellationToken.None);

        var email = await factory.Inbox.WaitForAsync(e => e.IsTo(workerEmail), Patience);
        email.Subject.ShouldBe("Your hours for the week of 16 November 2026 are not in yet");
        email.Body.ShouldContain($"{EmailingFactory.AppUrl}/Me/Timesheets/{placement}/2026-11-16");
        var agencyEmail = await factory.Inbox.WaitForAsync(e => e.IsTo(IdentitySeeder.DemoAgencyStaff[0].Email) && e.Subject.Contains("hours for the week of 16 November 2026", StringComparison.Ordinal), Patience);
        agencyEmail.Body.ShouldContain("have not sent their hours for the week of 16 November 2026");

        await using var scope = factory.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<JobRun>().AsNoTracking()
            .SingleAsync(r => r.JobName == JobNames.TimesheetReminders);
        run.Status.ShouldBe(JobRunStatus.Succeeded);
        run.FlagsRaised.ShouldBe(missingBefore, "every placement live last week without hours sent is counted");
    }

    private async Task<(int Placement, string WorkerEmail, int Missing)> ArrangeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var workerId = await db.Users.Where(u => u.UserName == IdentitySeeder.DemoWorkerEmail).Select(u => u.WorkerId).SingleAsync();
        var placement = await db.Placements.Where(p => p.WorkerId == workerId && p.Status == Domain.Placements.PlacementStatus.Active).Select(p => p.Id).FirstAsync();
        var email = await db.Workers.Where(w => w.Id == workerId).Select(w => w.Email).SingleAsync();
        var week = new DateOnly(2026, 11, 16);
        var ran = new[] { Domain.Placements.PlacementStatus.Active, Domain.Placements.PlacementStatus.Ended, Domain.Placements.PlacementStatus.Converted };
        var live = await db.Placements.Where(p => ran.Contains(p.Status) && p.StartDate <= week.AddDays(6) && (p.ActualEndDate ?? p.PlannedEndDate) >= week).Select(p => p.Id).ToListAsync();
        // Sent is waiting for approval or approved: a week saved and not sent, or queried back, is still owed.
        var sent = await db.Timesheets.Where(t => t.WeekStart == week
            && (t.Status == Domain.Timesheets.TimesheetStatus.Submitted || t.Status == Domain.Timesheets.TimesheetStatus.Approved)).Select(t => t.PlacementId).ToListAsync();
        return (placement, email, live.Except(sent).Count());
    }

    private async Task<string> WorkerNameAsync(int placement)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Placements.Where(p => p.Id == placement).Join(db.Workers, p => p.WorkerId, w => w.Id, (p, w) => w.FirstName + " " + w.LastName).SingleAsync();
    }
}
