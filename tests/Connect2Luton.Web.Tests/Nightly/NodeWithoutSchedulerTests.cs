using System.Net;
using System.Text.Json;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Web.Tests.Nightly;

/// <summary>
/// A node that leaves the scheduled jobs to another on the same database (Scheduling:RunJobs=false), as every node
/// but one must on SQLite: it lists the jobs and their runs, says it does not run them, and starts none.
/// </summary>
public sealed class NodeWithoutSchedulerTests(NodeWithoutSchedulerTests.NoScheduler factory) : IClassFixture<NodeWithoutSchedulerTests.NoScheduler>
{
    [Fact]
    public async Task The_jobs_page_lists_each_job_and_its_schedule_says_another_server_runs_them_and_starts_none()
    {
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var jobs = await admin.GetPageAsync("/Jobs");

        jobs.Text("#runs-elsewhere").ShouldContain("another server of Connect2Luton runs them");
        jobs.Text($"#job-{JobNames.FlagLongRunningPlacements} .schedule").ShouldBe("Runs every night at 02:30, UK time");
        jobs.Text($"#job-{JobNames.FlagLongRunningPlacements} .next-run").ShouldContain("02:30");
        jobs.QuerySelectorAll("form[action*='handler=Run'] button").ShouldBeEmpty("no job can be started on this server");

        // The form as the server that runs the jobs would have shown it, posted to this one.
        using var posted = await admin.SubmitAsync(jobs, new Dictionary<string, string> { ["job"] = JobNames.FlagLongRunningPlacements }, "/Jobs?handler=Run");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await admin.GetPageAsync(posted.Headers.Location!.OriginalString);
        after.Text("#not-started").ShouldContain("Flag long-running placements was not started: this server does not run the scheduled jobs");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobRuns.CountAsync(r => r.TriggeredBy == "admin@connect2luton.local")).ShouldBe(0);
    }

    [Fact]
    public async Task Health_says_the_scheduler_is_not_run_here_without_calling_the_node_unhealthy()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        report.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        var scheduler = report.RootElement.GetProperty("checks").GetProperty("scheduler");
        scheduler.GetProperty("status").GetString().ShouldBe("Healthy");
        scheduler.GetProperty("description").GetString().ShouldStartWith("Not run on this node");
    }

    [Theory]
    [InlineData("false", "Scheduling:Clustered=true runs the jobs on every node, one firing each, and Scheduling:RunJobs=false runs none on this one")]
    [InlineData("true", "Scheduling:Clustered needs SQL Server (Database:Provider=SqlServer): on SQLite, let one node run the jobs and set Scheduling:RunJobs=false on the others")]
    public void Scheduling_settings_that_do_not_go_together_stop_the_start_saying_what_to_change(string runJobs, string said)
    {
        using var app = new Configured([new("Scheduling:RunJobs", runJobs), new("Scheduling:Clustered", "true")]);

        Should.Throw<OptionsValidationException>(() => app.CreateClient()).Message.ShouldContain(said);
    }

    public sealed class NoScheduler : Connect2LutonFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Scheduling:RunJobs", "false")];
    }

    private sealed class Configured(IEnumerable<KeyValuePair<string, string>> settings) : Connect2LutonFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, .. settings];
    }
}
