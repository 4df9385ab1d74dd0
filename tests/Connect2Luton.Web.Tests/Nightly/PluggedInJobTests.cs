using System.Net;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Connect2Luton.Web.Tests.Nightly;

/// <summary>
/// The app with two jobs registered by the host and nothing else changed: one every 15 minutes that admins may run
/// now, and one nobody may start by hand. The way the supplier-release job and any later ones are added.
/// </summary>
public sealed class PluggedInJobFactory : Connect2LutonFactory
{
    public TaskCompletionSource<string> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddScheduledJob(new ScheduledJob("release-requisitions", "Release requisitions to agencies", "0 0/15 * * * ?", "ReleaseRequisitions",
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

        page.Text("#job-release-requisitions h2").ShouldBe("Release requisitions to agencies");
        page.Text("#job-release-requisitions .schedule").ShouldBe("Runs every 15 minutes");
        page.Text("#job-release-requisitions .next-run").ShouldNotBe("Not scheduled");
        page.QuerySelector("#job-close-the-month form").ShouldBeNull("nobody may start it by hand");
        page.QuerySelectorAll("section[id^=job-]").Length.ShouldBe(4, "the two nightly sweeps and the two registered here");

        var run = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = "release-requisitions" }, "/Jobs?handler=Run");
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNullOrWhiteSpace("run now records who asked");

        var refused = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = "close-the-month" }, "/Jobs?handler=Run");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.PathAndQuery.ShouldStartWith("/Account/AccessDenied");
    }
}
