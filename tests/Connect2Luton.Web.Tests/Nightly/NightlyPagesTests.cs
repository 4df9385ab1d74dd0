using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Nightly;

/// <summary>The nightly jobs run from /Jobs by an admin, through the real scheduler, and their prompts acted on at /Conversions.</summary>
public sealed class NightlyPagesTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Admin = "admin@connect2luton.local";
    private const string Recruiter = "recruiter@connect2luton.local";
    private const string Manager = "manager@connect2luton.local";

    [Theory]
    [InlineData(Recruiter)]
    [InlineData(Manager)]
    [InlineData("policy@connect2luton.local")]
    public async Task Only_admins_see_or_run_the_nightly_jobs(string email)
    {
        var client = await factory.SignedInAsAsync(email);

        var page = await client.GetAsync(new Uri("/Jobs", UriKind.Relative));
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["job"] = JobNames.FlagLongRunningPlacements });
        var run = await client.PostAsync(new Uri("/Jobs?handler=Run", UriKind.Relative), forged);

        page.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        run.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Redirect);
        (await QueryAsync(db => db.JobRuns.Count(r => r.TriggeredBy == email))).ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_runs_both_jobs_now_and_sees_what_each_run_did()
    {
        var jobs = await RunBothJobsAsync();

        foreach (var job in new[] { JobNames.FlagLongRunningPlacements, JobNames.RaiseConversionPrompts })
        {
            var latest = jobs.QuerySelector($"#job-{job} table.runs tbody tr").ShouldNotBeNull();
            latest.TextContent.ShouldContain(Admin);
            latest.TextContent.ShouldContain("Succeeded");
            jobs.Text($"#job-{job} .next-run").ShouldContain("02:30");
            jobs.Text($"#job-{job} .schedule").ShouldBe("Runs every night at 02:30, UK time");
        }
        var runs = await QueryAsync(db => db.JobRuns.Where(r => r.TriggeredBy == Admin).ToList());
        runs.ShouldAllBe(r => r.PlacementsScanned > 150 && r.Status == JobRunStatus.Succeeded);
        (await QueryAsync(db => db.PlacementFlags.Count(f => f.ResolvedAt == null))).ShouldBeGreaterThan(100, "the demo data has placements past 12 weeks, 6 and 12 months");
        (await QueryAsync(db => db.ConversionPrompts.Count())).ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task A_recruiter_converts_a_worker_from_a_prompt_and_the_placement_ends_with_the_saving_booked()
    {
        await RunBothJobsAsync();
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var list = await recruiter.GetPageAsync("/Conversions");
        var href = list.QuerySelector("table a.govuk-link")!.GetAttribute("href")!;
        var prompt = await recruiter.GetPageAsync(href);
        var promptId = int.Parse(href.Split('/')[^1]);
        var stored = await QueryAsync(db => db.ConversionPrompts.Single(c => c.Id == promptId));
        var start = Clocks.Today.AddDays(28);

        var converted = await recruiter.SubmitAsync(prompt, Date("Input.PermanentStart", start), $"{href}?handler=Converted");
        converted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await converted.Content.ReadAsStringAsync());
        var after = await recruiter.GetPageAsync(href);
        var late = await Browsing.ParseAsync(await recruiter.SubmitAsync(prompt, new Dictionary<string, string> { ["Input.OfferNote"] = "Offered the post" }, $"{href}?handler=OfferMade"));

        after.Text(".govuk-notification-banner__heading").ShouldBe(string.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), $"Converted to a permanent post: a saving of {stored.Costs.YearlySaving:C0} a year"));
        after.Text("#status").ShouldBe("Converted");
        after.QuerySelector("#converted").ShouldBeNull("a closed prompt offers nothing more to record");
        late.Text(".govuk-error-summary").ShouldContain("already closed (converted)");
        var placement = await QueryAsync(db => db.Placements.Single(p => p.Id == stored.PlacementId));
        placement.Status.ShouldBe(PlacementStatus.Converted);
        placement.ActualEndDate.ShouldBe(start.AddDays(-1));
        (await QueryAsync(db => db.Workers.Single(w => w.Id == stored.WorkerId))).ConvertedToPermanentOn.ShouldBe(start);
        var saved = await QueryAsync(db => db.ConversionPrompts.Include(c => c.Actions).Single(c => c.Id == promptId));
        saved.YearlySaving.ShouldBe(stored.Costs.YearlySaving);
        saved.Actions.ShouldHaveSingleItem().By.ShouldBe(Recruiter);
        (await QueryAsync(db => db.AuditEntries.Count(a => a.EntityType == nameof(ConversionPrompt) && a.EntityId == promptId.ToString() && a.UserName == Recruiter))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_prompt_whose_decision_names_a_short_rule_version_still_shows_it()
    {
        await RunBothJobsAsync();
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        // Versions are hashes when the app decides; a version recorded by other means (an import, a data fix, the
        // volume seeder's "volume-seed") is shorter, and failed the page with a server error.
        var promptId = await QueryAsync(db =>
        {
            var prompt = db.ConversionPrompts.Include(c => c.Decision).OrderBy(c => c.Id).First();
            db.RuleDecisions.Where(d => d.Id == prompt.Decision.Id).ExecuteUpdate(d => d.SetProperty(x => x.RuleSetVersion, "imported"));
            return prompt.Id;
        });

        var page = await recruiter.GetPageAsync($"/Conversions/{promptId}");

        page.QuerySelector("main")!.TextContent.ShouldContain("(version imported)");
    }

    [Fact]
    public async Task A_hiring_manager_sees_and_acts_on_their_own_services_prompts_only()
    {
        await RunBothJobsAsync();
        var manager = await factory.SignedInAsAsync(Manager);
        var elsewhere = await QueryAsync(db => db.ConversionPrompts.First(c => c.ServiceAreaId != db.ServiceAreas.Single(a => a.Code == "CSC").Id).Id);

        var list = await manager.GetPageAsync("/Conversions");
        var other = await manager.GetAsync(new Uri($"/Conversions/{elsewhere}", UriKind.Relative));

        list.QuerySelectorAll("table tbody tr").ShouldNotBeEmpty();
        list.QuerySelectorAll("table tbody tr").ShouldAllBe(row => row.TextContent.Contains("Children's Social Care"));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_recruiter_narrows_the_prompts_to_one_hiring_organisation_and_is_told_at_the_field_of_one_not_on_the_list()
    {
        await RunBothJobsAsync();
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var (council, theirs, everyone) = await QueryAsync(db =>
        {
            var organisation = db.Set<Domain.HiringOrganisations.HiringOrganisation>().OrderBy(o => o.Id).First();
            var areas = db.ServiceAreas.Where(a => a.HiringOrganisationId == organisation.Id).Select(a => a.Id).ToList();
            return (organisation.Id, db.ConversionPrompts.Count(c => areas.Contains(c.ServiceAreaId)), db.ConversionPrompts.Count());
        });
        everyone.ShouldBeGreaterThan(theirs, "the demo data raises prompts outside the council too");

        var narrowed = await recruiter.GetPageAsync($"/Conversions?show=All&organisation={council}");
        var unknown = await recruiter.GetPageAsync("/Conversions?show=All&organisation=999999");

        narrowed.Text("#result-count").ShouldBe($"{theirs:N0} prompts");
        narrowed.QuerySelector("#Organisation option[selected]")!.TextContent.ShouldBe("Luton Borough Council");
        var unreadable = await recruiter.GetPageAsync("/Conversions?show=All&organisation=abc");
        unknown.Text("#Organisation-error").ShouldContain("That organisation is not in the list: the prompts below are for every organisation");
        unknown.Text("#result-count").ShouldBe($"{everyone:N0} prompts");
        unreadable.Text("#Organisation-error").ShouldContain("That organisation is not in the list");
    }

    [Fact]
    public async Task Bad_input_on_a_prompt_is_refused_at_the_field_and_changes_nothing()
    {
        await RunBothJobsAsync();
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var promptId = await QueryAsync(db => db.ConversionPrompts.Where(c => c.Status == ConversionPromptStatus.Open).OrderByDescending(c => c.Id).First().Id);
        var href = $"/Conversions/{promptId}";
        var prompt = await recruiter.GetPageAsync(href);
        var placementStart = await QueryAsync(db => db.Placements.Single(p => p.Id == db.ConversionPrompts.Single(c => c.Id == promptId).PlacementId).StartDate);

        async Task<IDocument> Post(string handler, Dictionary<string, string> fields) =>
            await Browsing.ParseAsync(await recruiter.SubmitAsync(prompt, fields, $"{href}?handler={handler}"));

        (await Post("NotSuitable", new() { ["Input.UnsuitableReason"] = "  " })).Text("#Input_UnsuitableReason-error").ShouldContain("Enter why the worker is not suitable");
        (await Post("NotSuitable", new() { ["Input.UnsuitableReason"] = "<script>alert(1)</script>" })).Text("#Input_UnsuitableReason-error").ShouldContain("must not contain < or >");
        (await Post("Snooze", Date("Input.SnoozeUntil", Clocks.Today))).Text("#Input_SnoozeUntil-error").ShouldContain("must be after today");
        (await Post("Snooze", new() { ["Input.SnoozeUntil.Day"] = "31", ["Input.SnoozeUntil.Month"] = "2", ["Input.SnoozeUntil.Year"] = "2027" })).Text("#Input_SnoozeUntil-error").ShouldContain("must be a real date");
        (await Post("Snooze", Date("Input.SnoozeUntil", Clocks.Today.AddYears(2)))).Text("#Input_SnoozeUntil-error").ShouldContain("must be within a year");
        (await Post("Converted", Date("Input.PermanentStart", placementStart))).Text("#Input_PermanentStart-error").ShouldContain("must start after the placement started");
        (await Post("Converted", new())).Text("#Input_PermanentStart-error").ShouldContain("Enter the date the permanent post starts");
        (await Post("OfferMade", new() { ["Input.OfferNote"] = new string('x', 1001) })).Text("#Input_OfferNote-error").ShouldContain("1,000 characters or fewer");

        var unchanged = await QueryAsync(db => db.ConversionPrompts.Include(c => c.Actions).Single(c => c.Id == promptId));
        unchanged.Status.ShouldBe(ConversionPromptStatus.Open);
        unchanged.Actions.ShouldBeEmpty();
        unchanged.Version.ShouldBe(0);
    }

    [Fact]
    public async Task A_recruiter_records_sick_leave_and_the_placement_page_counts_the_AWR_clock_with_it()
    {
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var placement = await QueryAsync(db => db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today.AddDays(-70) && p.StartDate > Clocks.Today.AddDays(-77)).OrderBy(p => p.Id).First());
        var before = await recruiter.GetPageAsync($"/Placements/{placement.Id}");
        var breaks = await recruiter.GetPageAsync(before.QuerySelector("a[href*='/Breaks']")!.GetAttribute("href")!);
        // Two whole weeks of the clock (weeks run from the placement's first day): any work in a week would count it.
        var off = placement.StartDate.AddDays(7 * 5);

        var recorded = await recruiter.SubmitAsync(breaks, Break(off, off.AddDays(13), "Sickness"));
        var overlapping = await Browsing.ParseAsync(await recruiter.SubmitAsync(breaks, Break(off.AddDays(7), off.AddDays(20), "AnnualLeave")));
        var tampered = await Browsing.ParseAsync(await recruiter.SubmitAsync(breaks, Break(off.AddDays(30), off.AddDays(31), "Holiday; DROP TABLE Workers")));
        var after = await recruiter.GetPageAsync($"/Placements/{placement.Id}");

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        overlapping.Text("#Input_From-error").ShouldContain("overlaps the sick leave already recorded");
        tampered.Text("#Input_Reason-error").ShouldContain("Choose why the worker was not working");
        before.Text("#awr").ShouldStartWith("10 qualifying weeks");
        after.Text("#awr").ShouldStartWith("8 qualifying weeks", Case.Sensitive, "two weeks off sick pause the clock");
        (await QueryAsync(db => db.Workers.Include(w => w.Breaks).Single(w => w.Id == placement.WorkerId).Breaks.Count)).ShouldBe(1);
    }

    private static Dictionary<string, string> Date(string field, DateOnly day) => new()
    {
        [$"{field}.Day"] = day.Day.ToString(),
        [$"{field}.Month"] = day.Month.ToString(),
        [$"{field}.Year"] = day.Year.ToString(),
    };

    private static Dictionary<string, string> Break(DateOnly from, DateOnly to, string reason) =>
        new(Date("Input.From", from).Concat(Date("Input.To", to))) { ["Input.Reason"] = reason, ["Input.Note"] = "" };

    /// <summary>Runs both jobs as the admin, through the page and the real scheduler, and waits for them to finish.</summary>
    private async Task<IDocument> RunBothJobsAsync()
    {
        var admin = await factory.SignedInAsAsync(Admin);
        string[] jobs = [JobNames.FlagLongRunningPlacements, JobNames.RaiseConversionPrompts];
        await using var finishing = await JobsFinishing.ExpectAsync(factory.Services, jobs);
        foreach (var job in jobs)
        {
            var page = await admin.GetPageAsync("/Jobs");
            var response = await admin.SubmitAsync(page, new Dictionary<string, string> { ["job"] = job }, "/Jobs?handler=Run");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        await finishing.WithinAsync(TimeSpan.FromSeconds(60));
        return await admin.GetPageAsync("/Jobs");
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, T> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
