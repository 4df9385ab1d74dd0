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
