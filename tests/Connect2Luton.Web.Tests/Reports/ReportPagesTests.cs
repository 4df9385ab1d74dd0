using System.Globalization;
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
public sealed partial class ReportPagesTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
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

    [Fact]
    public async Task The_spend_report_lists_the_dearest_long_runners_and_its_CSV_has_every_one_with_its_arithmetic()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var longRunning = await LongRunningAsync();

        var page = await client.GetPageAsync("/Reports/Spend");
        var csv = await (await client.GetAsync(new Uri("/Reports/Spend?handler=Csv&table=long-running", UriKind.Relative))).Content.ReadAsStringAsync();

        longRunning.ShouldBeGreaterThan(1, "the demo data has long runners");
        page.Text("#long-running-summary").ShouldStartWith($"{longRunning:N0} placements in post over 12 months");
        page.QuerySelectorAll("#long-running tbody tr").Length.ShouldBe(Math.Min(longRunning, Application.Reports.SpendReport.LongRunningShown));
        // The money is in the last three columns, whatever commas a name or role before them holds.
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',').TakeLast(3).Select(m => decimal.Parse(m, CultureInfo.InvariantCulture)).ToArray())
            .Select(m => (Agency: m[0], Permanent: m[1], Extra: m[2])).ToList();
        rows.Count.ShouldBe(longRunning);
        // Agency a year less the permanent post a year is the extra, on every row, and the dearest comes first.
        rows.ShouldAllBe(r => r.Agency - r.Permanent == r.Extra);
        rows.Select(r => r.Extra).ShouldBeInOrder(SortDirection.Descending);
        page.Text("#margins").ShouldContain("In-house pool");
    }

    [Theory]
    [InlineData("/Reports/Spend?handler=Csv&table=long-running", true)]
    [InlineData("/Reports/Spend?handler=Csv&table=by-service", true)]
    [InlineData("/Reports/Spend?handler=Csv&table=by-family", true)]
    [InlineData("/Reports/Spend?handler=Csv&table=by-supplier", true)]
    [InlineData("/Reports/Spend?handler=Csv&table=by-tier", true)]
    [InlineData("/Reports/Spend?handler=Csv&table=margins", true)]
    [InlineData("/Reports/Workforce?handler=Csv&table=by-service", true)]
    [InlineData("/Reports/Workforce?handler=Csv&table=by-family", true)]
    [InlineData("/Reports/CapExceptions?handler=Csv&table=register", true)]
    [InlineData("/Reports/DfeReturn?handler=Csv&table=assignments&period=2026-Q2", true)]
    [InlineData("/Reports/DfeReturn?handler=Csv&table=cap-breaches&period=2026-Q2", false)]
    [InlineData("/Reports/Conversions?handler=Csv&table=savings", false)]
    [InlineData("/Reports/Suppliers?handler=Csv&table=suppliers", false)]
    [InlineData("/Placements?handler=Export", true)]
    [InlineData("/Requisitions?handler=Export", true)]
    public async Task Every_money_column_of_a_CSV_is_written_in_pounds_and_pence_with_two_places(string address, bool hasMoney)
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv", address);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Cells).ToList();
        var money = lines[0].Select((heading, at) => (heading, at)).Where(c => c.heading.Contains('£', StringComparison.Ordinal)).Select(c => c.at).ToList();
        money.ShouldNotBeEmpty($"{address} has a column of money");
        var amounts = lines.Skip(1).SelectMany(row => money.Select(at => row[at])).Where(cell => cell.Length > 0).ToList();
        if (hasMoney) amounts.ShouldNotBeEmpty($"the demo data gives {address} amounts");
        // 77.20, never 77.2; no £ sign, no thousands separator.
        amounts.ShouldAllBe(cell => TwoPlaces().IsMatch(cell), address);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]+\.[0-9]{2}$")]
    private static partial System.Text.RegularExpressions.Regex TwoPlaces();

    // A CSV line's cells, with quoted cells (names with commas in them) read whole.
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    [Fact]
    public async Task The_DfE_return_pages_the_quarter_s_assignments_on_screen_and_downloads_them_all_in_the_order_the_return_asks_for()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var expected = await DfeAssignmentsAsync(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));

        var page = await client.GetPageAsync("/Reports/DfeReturn?period=2026-Q2");
        var fallback = await client.GetPageAsync("/Reports/DfeReturn?period=1999-Q9");
        var csv = await (await client.GetAsync(new Uri("/Reports/DfeReturn?handler=Csv&table=assignments&period=2026-Q2", UriKind.Relative))).Content.ReadAsStringAsync();

        expected.ShouldBeGreaterThan(Pages.Reports.DfeReturnModel.RowsShown, "the demo data has more children's agency social workers than a page shows");
        page.Text(".govuk-caption-l").ShouldBe("2026-27 quarter 2 (July to September 2026)");
        page.Text("#assignments-summary").ShouldStartWith($"{expected} assignments.");
        var shown = page.QuerySelectorAll("#assignments tbody tr").Select(r => r.Id).ToList();
        shown.Count.ShouldBe(Pages.Reports.DfeReturnModel.RowsShown);
        var next = page.QuerySelector("nav[aria-label='Pages of assignments'] .govuk-pagination__next a")!.GetAttribute("href")!;
        next.ShouldBe("/Reports/DfeReturn?period=2026-Q2&page=2");
        var rest = (await client.GetPageAsync(next)).QuerySelectorAll("#assignments tbody tr").Select(r => r.Id).ToList();
        rest.Count.ShouldBe(expected - shown.Count);
        shown.Concat(rest).Distinct().Count().ShouldBe(expected, "each assignment on one page or the other");
        (await client.GetPageAsync("/Reports/DfeReturn?period=2026-Q2&page=999999")).QuerySelectorAll("#assignments tbody tr").Select(r => r.Id).ShouldBe(rest, "past the end is the last page");
        var beyondWholeNumbers = await client.GetPageAsync("/Reports/DfeReturn?period=2026-Q2&page=99999999999");
        beyondWholeNumbers.QuerySelectorAll("#assignments tbody tr").Select(r => r.Id).ShouldBe(rest, "however many digits");
        beyondWholeNumbers.QuerySelector(".govuk-error-summary").ShouldBeNull("a page number is not a field to be told about");
        var padded = await client.GetPageAsync("/Reports/DfeReturn?period=02026-Q02");
        padded.Text(".govuk-caption-l").ShouldBe("2026-27 quarter 2 (July to September 2026)");
        padded.QuerySelector("#Period-error").ShouldBeNull("the quarter asked for, written with leading noughts");
        (await client.GetAsync(new Uri("/Reports/DfeReturn?handler=Csv&table=assignments&period=02026-Q2", UriKind.Relative))).Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        fallback.Text(".govuk-caption-l").ShouldBe("2026-27 quarter 2 (July to September 2026)", "on 23 November the last quarter ended is the default");
        fallback.Text("#Period-error").ShouldContain("Choose a quarter from the list");
        (await client.GetPageAsync("/Reports/DfeReturn")).QuerySelector("#Period-error").ShouldBeNull("no quarter asked for is the last ended, said nowhere");
        var future = await client.GetPageAsync("/Reports/DfeReturn?period=2026-Q4");
        future.Text("#Period-error").ShouldContain("2026-27 quarter 4 (January to March 2027) has not started yet");
        future.Text(".govuk-caption-l").ShouldBe("2026-27 quarter 2 (July to September 2026)");
        (await client.GetPageAsync("/Reports/DfeReturn?period=2020-Q1")).Text("#Period-error").ShouldContain("is before them");
        var futureCsv = await client.GetAsync(new Uri("/Reports/DfeReturn?handler=Csv&table=assignments&period=2099-Q1", UriKind.Relative));
        futureCsv.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", "no other quarter's file in place of the one asked for");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Role type,Hourly pay rate (£),Start date,End date,Social Work England registration number,Project team");
        lines.Length.ShouldBe(expected + 1);
        lines.Skip(1).ShouldAllBe(l => l.EndsWith(",Yes", StringComparison.Ordinal) || l.EndsWith(",No", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/Reports/Workforce?service=abc&months=-5")]
    [InlineData("/Reports/Workforce?service=999999&months=100000")]
    [InlineData("/Reports/Workforce?months=%3Cscript%3E")]
    [InlineData("/Reports/Conversions?months=7&service=-1")]
    [InlineData("/Reports/Refusals?months=%27%3B--&service=abc")]
    [InlineData("/Reports/CapExceptions?months=1e9&service=%27%20OR%201=1")]
    public async Task A_filter_that_is_not_a_choice_shows_the_report_rather_than_failing(string address)
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        var page = await client.GetPageAsync(address);

        if (address.Contains("CapExceptions", StringComparison.Ordinal)) page.Text("#register-summary").ShouldContain("Download as CSV");
        else page.QuerySelectorAll("#social-work-trend tbody tr, #by-month tbody tr").Length.ShouldBe(12, "the period falls back to a year");
        var report = new Uri(address, UriKind.Relative).OriginalString.Split('?')[0];
        (await client.GetAsync(new Uri($"{report}?handler=Csv&table=passwords", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        if (address.Contains("service=", StringComparison.Ordinal))
        {
            // Not left silent: the field says what the figures are for instead.
            page.Text("#Service-error").ShouldContain(address.Contains("service=999999", StringComparison.Ordinal) || address.Contains("service=-1", StringComparison.Ordinal)
                ? "That service area is not in the list: the figures below are for every service area"
                : "Service area");
            page.QuerySelector("#Service-error")!.TextContent.ShouldNotContain("Service is");
        }
    }

    [Fact]
    public async Task Supplier_performance_for_a_service_not_in_the_list_says_so_at_the_field_and_shows_every_services_figures()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        var page = await client.GetPageAsync("/Reports/Suppliers?Service=99999");

        page.Text("#Service-error").ShouldContain("That service area is not in the list");
        page.QuerySelector("#suppliers").ShouldNotBeNull();
    }

    private async Task<int> DfeAssignmentsAsync(DateOnly from, DateOnly to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var childrens = await db.ServiceAreas.Where(a => a.IsChildrensServices).Select(a => a.Id).ToListAsync();
        var dfeRoles = await db.JobRoles.Where(r => r.DfeRoleType != null).Select(r => r.Id).ToListAsync();
        return await db.Placements.CountAsync(p => p.Status != PlacementStatus.Cancelled && p.StartDate <= to && (p.ActualEndDate ?? p.PlannedEndDate) >= from
            && childrens.Contains(p.ServiceAreaId) && dfeRoles.Contains(p.JobRoleId));
    }

    private async Task<int> LongRunningAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var yearAgo = Testing.Clocks.Today.AddMonths(-12);
        return await db.Placements.CountAsync(p => p.Status == PlacementStatus.Active && p.StartDate <= yearAgo);
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
