using System.Net;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Connect2Luton.Web.Tests.Nightly;

/// <summary>
/// The app with two jobs registered by the host and nothing else changed: one every 15 minutes that admins may run
/// now, and one nobody may start by hand. The way the supplier release and any later jobs are added.
/// </summary>
public sealed class PluggedInJobFactory : Connect2LutonFactory
{
    public TaskCompletionSource<string> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddScheduledJob(new ScheduledJob("remind-timesheets", "Remind workers of their timesheets", "0 0/15 * * * ?", "RemindTimesheets",
                (_, by, _) =>
                {
                    // The schedule may fire too (every 15 minutes); the test waits for the run a person asked for.
                    if (by != "schedule") Ran.TrySetResult(by);
                    return Task.CompletedTask;
                }));
            services.AddScheduledJob(new ScheduledJob("close-the-month", "Close the month", "0 0 3 1 * ?", "CloseTheMonth", (_, _, _) => Task.CompletedTask)
            {
                RunNowPermission = null,
            });
        });
    }
}

public sealed class PluggedInJobTests(PluggedInJobFactory factory) : IClassFixture<PluggedInJobFactory>
{
    [Fact]
    public async Task A_job_registered_by_the_host_is_scheduled_listed_and_run_now_by_those_it_allows()
    {
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var page = await admin.GetPageAsync("/Jobs");

        page.Text("#job-remind-timesheets h2").ShouldBe("Remind workers of their timesheets");
        page.Text("#job-remind-timesheets .schedule").ShouldBe("Runs every 15 minutes");
        page.Text("#job-remind-timesheets .next-run").ShouldNotBe("Not scheduled");
        page.QuerySelector("#job-close-the-month form").ShouldBeNull("nobody may start it by hand");
        page.QuerySelectorAll("section[id^=job-]").Length.ShouldBe(6, "the two nightly sweeps, the release to agencies, the timesheet reminders and the two registered here");

        var run = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = "remind-timesheets" }, "/Jobs?handler=Run");
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNullOrWhiteSpace("run now records who asked");

        var refused = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = "close-the-month" }, "/Jobs?handler=Run");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.PathAndQuery.ShouldStartWith("/Account/AccessDenied");
    }
}
