using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Reports;

/// <summary>The report pages through the real host: who sees which service, CSV downloads, and input that is not a choice.</summary>
public sealed class ReportPagesTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task A_recruiter_sees_every_service_and_a_hiring_manager_only_their_own_even_when_asking_for_another()
    {
        var recruiter = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var manager = await factory.SignedInAsAsync(DemoDataSeeder.DemoManagerEmail);
        var (ownService, ownLive, otherService, allLive) = await ServicesAsync();

        var everyone = await recruiter.GetPageAsync("/Reports/Workforce");
        var own = await manager.GetPageAsync($"/Reports/Workforce?service={otherService}");

        everyone.Text("#headcount .app-figure__value").ShouldBe(allLive.ToString("N0"));
        everyone.QuerySelector("select[name=Service]").ShouldNotBeNull();
        own.QuerySelector("select[name=Service]").ShouldBeNull("a hiring manager has no services to choose from");
        own.Text("#headcount .app-figure__value").ShouldBe(ownLive.ToString("N0"));
        own.QuerySelectorAll("#by-service tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain(ownService);
        var csv = await (await manager.GetAsync(new Uri($"/Reports/Workforce?handler=Csv&table=by-service&service={otherService}", UriKind.Relative))).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Service area or job family,Agency workers in post,FTE,Committed weekly cost (£),Committed yearly cost (£)");
        lines.Skip(1).ShouldHaveSingleItem().ShouldStartWith($"{ownService},{ownLive},");
    }

    [Theory]
    [InlineData("/Reports/Workforce?service=abc&months=-5")]
    [InlineData("/Reports/Workforce?service=999999&months=100000")]
    [InlineData("/Reports/Workforce?months=%3Cscript%3E")]
    public async Task A_filter_that_is_not_a_choice_shows_the_report_rather_than_failing(string address)
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        var page = await client.GetPageAsync(address);

        page.QuerySelectorAll("#social-work-trend tbody tr").Length.ShouldBe(12, "the trend falls back to a year");
        (await client.GetAsync(new Uri("/Reports/Workforce?handler=Csv&table=passwords", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    // Asked by hand of the database, independently of the report's grouped query.
    private async Task<(string OwnService, int OwnLive, int OtherServiceId, int AllLive)> ServicesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Testing.Clocks.Today;
        var managerArea = await db.HiringManagers.Where(m => m.Email == DemoDataSeeder.DemoManagerEmail).Select(m => m.ServiceAreaId).SingleAsync();
        var live = db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today);
        return (await db.ServiceAreas.Where(a => a.Id == managerArea).Select(a => a.Name).SingleAsync(),
            await live.CountAsync(p => p.ServiceAreaId == managerArea),
            await db.ServiceAreas.Where(a => a.Id != managerArea).Select(a => a.Id).FirstAsync(),
            await live.CountAsync());
    }
}
