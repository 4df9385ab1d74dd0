using System.Globalization;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Dashboard;

public sealed class DashboardTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task The_dashboard_shows_the_seeded_figures_counted_from_the_database()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        var page = await client.GetPageAsync("/");

        var expected = await CountAsync();
        page.Text("#live-placements .app-figure__value").ShouldBe(expected.Live.ToString());
        page.Text("#childrens-social-workers .app-figure__value").ShouldBe(expected.ChildrensSocialWorkers.ToString());
        page.Text("#past-12-weeks .app-figure__value").ShouldBe(expected.Past12Weeks.ToString());
        page.Text("#past-6-months .app-figure__value").ShouldBe(expected.Past6Months.ToString());
        page.Text("#past-12-months .app-figure__value").ShouldBe(expected.Past12Months.ToString());
        page.Text("#open-requisitions .app-figure__value").ShouldBe(expected.Open.ToString());
        page.Text("main p.govuk-body-l").ShouldBe("Agency workforce as at 23 November 2026.");
        expected.ChildrensSocialWorkers.ShouldBeInRange(60, 70);
        page.QuerySelectorAll("#by-service tbody tr").Select(r => r.TextContent.Trim()).ShouldContain(r => r.StartsWith("Children's Social Care", StringComparison.Ordinal));
        page.Text("#committed-yearly .app-figure__value").ShouldBe((await CommittedYearlyAsync()).ToString("C0", CultureInfo.GetCultureInfo("en-GB")));
        page.Text("#in-house-saving .app-figure__value").ShouldStartWith("£");
        page.QuerySelector("#committed-yearly a")!.GetAttribute("href").ShouldBe("/Reports/Spend");
    }

    [Fact]
    public async Task Last_weeks_hours_not_sent_match_the_missing_list_and_a_week_sent_takes_one_off_and_adds_one_waiting()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var lastWeek = new DateOnly(2026, 11, 16);
        async Task<int> MissingAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<Application.Timesheets.MissingTimesheets>().ListAsync(lastWeek, null, 100_000, CancellationToken.None)).Rows.Count;
        }
        var missing = await MissingAsync();
        missing.ShouldBeGreaterThan(0, "the demo worker's last week is left to send");

        var before = await client.GetPageAsync("/");
        before.Text("#hours-not-sent .app-figure__value").ShouldBe(missing.ToString(CultureInfo.InvariantCulture));
        before.Text("#hours-not-sent").ShouldContain("the week of 16 November 2026");
        before.QuerySelector("#hours-not-sent a")!.GetAttribute("href").ShouldBe("/Timesheets/Missing");
        var waiting = int.Parse(before.Text("#timesheets-waiting .app-figure__value"), CultureInfo.InvariantCulture);

        // The demo worker sends their week from their own page.
        var worker = await factory.SignedInAsAsync("worker@connect2luton.local");
        var me = await worker.GetPageAsync("/Me");
        var week = me.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h is not null && h.StartsWith("/Me/Timesheets/", StringComparison.Ordinal) && h.EndsWith("2026-11-16", StringComparison.Ordinal))!;
        var form = await worker.GetPageAsync(week);
        var day = form.QuerySelectorAll("#hours input.govuk-input")[0];
        (await worker.PressAsync(form, "Submit", new Dictionary<string, string> { [day.GetAttribute("name")!] = "7.5" })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        var after = await client.GetPageAsync("/");
        after.Text("#hours-not-sent .app-figure__value").ShouldBe((missing - 1).ToString(CultureInfo.InvariantCulture));
        after.Text("#timesheets-waiting .app-figure__value").ShouldBe((waiting + 1).ToString(CultureInfo.InvariantCulture));
        (await MissingAsync()).ShouldBe(missing - 1);
    }

    [Fact]
    public async Task A_hiring_manager_sees_their_own_services_figures_alone_and_each_count_opens_the_list_it_counts()
    {
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var (area, live, open, awaiting) = await ((Func<Task<(string, int, int, int)>>)(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var own = await db.HiringManagers.Where(m => m.Email == "manager@connect2luton.local").Select(m => m.ServiceAreaId).SingleAsync();
            var name = await db.ServiceAreas.Where(a => a.Id == own).Select(a => a.Name).SingleAsync();
            return (name,
                await db.Placements.CountAsync(p => p.ServiceAreaId == own && p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today),
                await db.Requisitions.CountAsync(r => r.ServiceAreaId == own && r.Status == RequisitionStatus.Open),
                await db.Requisitions.CountAsync(r => r.ServiceAreaId == own && r.Status == RequisitionStatus.Submitted));
        }))();

        var page = await manager.GetPageAsync("/");

        page.Text("#live-placements .app-figure__value").ShouldBe(live.ToString(CultureInfo.InvariantCulture));
        page.Text("#live-placements").ShouldContain("in post in your service");
        page.Text("#open-requisitions .app-figure__value").ShouldBe(open.ToString(CultureInfo.InvariantCulture));
        page.Text("#awaiting-approval").ShouldBe($"{awaiting} awaiting approval");
        page.QuerySelectorAll("#by-service tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ShouldBe([area]);
        page.QuerySelector("#live-placements a")!.GetAttribute("href").ShouldBe("/Placements");
        page.QuerySelector("#open-requisitions a")!.GetAttribute("href").ShouldBe("/Requisitions?status=Open");
        page.QuerySelector("#awaiting-approval")!.GetAttribute("href").ShouldBe("/Requisitions?status=Submitted");
        var awaitingList = await manager.GetPageAsync("/Requisitions?status=Submitted");
        awaitingList.Text("#result-count").ShouldContain(awaiting.ToString(CultureInfo.InvariantCulture));
    }

    // Every live placement's charge rate times its hours, for 52 weeks: read row by row, not through the stored week.
    private async Task<decimal> CommittedYearlyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Clocks.Today;
        var live = await db.Placements.AsNoTracking().Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today).Select(p => new { p.Rates.ChargeRate, p.WeeklyHours }).ToListAsync();
        return Math.Round(live.Sum(p => p.ChargeRate * p.WeeklyHours) * 52, 2, MidpointRounding.AwayFromZero);
    }

    // The same questions asked by hand of the database, independently of the specifications the page uses.
    private async Task<(int Live, int ChildrensSocialWorkers, int Past12Weeks, int Past6Months, int Past12Months, int Open)> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Clocks.Today;
        var live = db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today);
        var childrens = await db.ServiceAreas.Where(a => a.IsChildrensServices).Select(a => a.Id).ToListAsync();
        var dfeRoles = await db.JobRoles.Where(r => r.DfeRoleType != null).Select(r => r.Id).ToListAsync();
        return (
            await live.CountAsync(),
            await live.CountAsync(p => childrens.Contains(p.ServiceAreaId) && dfeRoles.Contains(p.JobRoleId)),
            await live.CountAsync(p => p.StartDate <= today.AddDays(-84)),
            await live.CountAsync(p => p.StartDate <= today.AddMonths(-6)),
            await live.CountAsync(p => p.StartDate <= today.AddMonths(-12)),
            await db.Requisitions.CountAsync(r => r.Status == RequisitionStatus.Open));
    }
}
