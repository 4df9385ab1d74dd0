using System.Net;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Lists;

public sealed class ListPageTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task A_recruiter_pages_through_every_requisition_and_a_filter_survives_paging()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var (total, filled) = await QueryAsync(db => (db.Requisitions.Count(), db.Requisitions.Count(r => r.Status == RequisitionStatus.Filled)));

        var first = await client.GetPageAsync("/Requisitions");
        var filtered = await client.GetPageAsync("/Requisitions?status=Filled&page=2");

        first.Text("#result-count").ShouldBe($"{total} requisitions");
        first.QuerySelectorAll("main tbody tr").Length.ShouldBe(25);
        filtered.Text("#result-count").ShouldBe($"{filled} requisitions");
        filtered.QuerySelectorAll("main tbody tr").ShouldAllBe(r => r.TextContent.Contains("Filled"));
        filtered.QuerySelector(".govuk-pagination__item--current")!.TextContent.Trim().ShouldBe("2");
        filtered.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href").ShouldBe("/Requisitions?status=Filled&page=3");
    }

    [Fact]
    public async Task A_hiring_manager_sees_only_their_own_services_requisitions_and_placements()
    {
        var client = await factory.SignedInAsAsync("manager@connect2luton.local");
        var (requisitions, live) = await QueryAsync(db =>
        {
            var childrens = db.ServiceAreas.Single(a => a.Code == "CSC").Id;
            return (db.Requisitions.Count(r => r.ServiceAreaId == childrens),
                db.Placements.Count(p => p.ServiceAreaId == childrens && p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today));
        });

        var requisitionPage = await client.GetPageAsync("/Requisitions");
        var placementPage = await client.GetPageAsync("/Placements");

        requisitionPage.Text("#result-count").ShouldBe($"{requisitions} requisitions");
        requisitionPage.QuerySelectorAll("main tbody tr").ShouldAllBe(r => r.TextContent.Contains("Children's Social Care"));
        placementPage.Text("#result-count").ShouldBe($"{live} placements");
        placementPage.QuerySelectorAll("main tbody tr").ShouldAllBe(r => r.TextContent.Contains("Children's Social Care"));
    }

    [Theory]
    [InlineData("/Placements")]
    [InlineData("/Workers")]
    public async Task Walking_a_deep_list_by_its_next_and_previous_links_shows_the_same_pages_as_asking_for_each_number(string list)
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        static IReadOnlyList<string> Rows(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("main tbody tr").Select(r => r.TextContent.Trim())];

        var byNumber = new List<IReadOnlyList<string>>();
        var first = await client.GetPageAsync(list);
        var pageCount = int.Parse(first.QuerySelectorAll(".govuk-pagination__item a")[^1].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        pageCount.ShouldBeGreaterThan(4, "enough rows to page through");
        for (var number = 1; number <= pageCount; number++) byNumber.Add(Rows(await client.GetPageAsync($"{list}?page={number}")));

        var walked = new List<IReadOnlyList<string>> { Rows(first) };
        var page = first;
        while (page.QuerySelector(".govuk-pagination__next a") is { } next)
        {
            next.GetAttribute("href")!.ShouldContain("after=");
            page = await client.GetPageAsync(next.GetAttribute("href")!);
            walked.Add(Rows(page));
        }
        var last = page;
        var back = new List<IReadOnlyList<string>> { Rows(page) };
        while (page.QuerySelector(".govuk-pagination__prev a") is { } previous)
        {
            page = await client.GetPageAsync(previous.GetAttribute("href")!);
            back.Insert(0, Rows(page));
        }

        walked.ShouldBe(byNumber);
        back.ShouldBe(byNumber);
        byNumber.SelectMany(rows => rows).Distinct().Count().ShouldBe(byNumber.Sum(rows => rows.Count));
        // An edited edge is no edge: the page is counted to instead.
        Rows(await client.GetPageAsync($"{list}?page=3&after=2026-13-01.x")).ShouldBe(byNumber[2]);
        Rows(await client.GetPageAsync($"{list}?page=3&after=999999999")).ShouldBe(byNumber[2]);
        // An edge kept while the page number is edited by hand stands for another page: the number typed is counted to.
        var toSecond = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://list"), first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")).Query)["after"].ToString();
        toSecond.ShouldStartWith("2~");
        Rows(await client.GetPageAsync($"{list}?page=5&after={Uri.EscapeDataString(toSecond)}")).ShouldBe(byNumber[4]);
        // An edge past the end of the list (rows gone since the link was made) reads nothing, so the page is counted to.
        var lastWorker = list == "/Workers" ? int.Parse(last.QuerySelectorAll("main tbody tr a[href^='/Workers/']")[^1].GetAttribute("href")!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var pastTheEnd = list == "/Placements" ? "0001-01-01.1" : $"{lastWorker}.{await QueryAsync(db => db.Workers.Single(w => w.Id == lastWorker).Version)}";
        Rows(await client.GetPageAsync($"{list}?page=3&after={Uri.EscapeDataString("3~" + pastTheEnd)}")).ShouldBe(byNumber[2]);
        // An edge written by hand, one from before the first row, is no edge either (it would have shown the first page's rows as page 3).
        var beforeTheStart = list == "/Placements" ? "9999-12-31.2147483647" : $"{await QueryAsync(db => db.Workers.OrderBy(w => w.Id).Select(w => w.Id).First())}.0";
        Rows(await client.GetPageAsync($"{list}?page=3&after={Uri.EscapeDataString("3~" + beforeTheStart)}")).ShouldBe(byNumber[2]);
        // An edge from the same list filtered another way is that list's, not this one's: the page is counted to.
        var filtered = await client.GetPageAsync(list == "/Placements" ? "/Placements?show=All" : "/Workers?family=SocialCare");
        var otherEdge = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://list"), filtered.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")).Query)["after"].ToString();
        Rows(await client.GetPageAsync($"{list}?page=2&after={Uri.EscapeDataString(otherEdge)}")).ShouldBe(byNumber[1]);
        // A number past the last page is the last page, however many digits it has; one that is not a number is the first.
        Rows(await client.GetPageAsync($"{list}?page={pageCount + 7}")).ShouldBe(byNumber[^1]);
        Rows(await client.GetPageAsync($"{list}?page=99999999999")).ShouldBe(byNumber[^1]);
        Rows(await client.GetPageAsync($"{list}?page=-3")).ShouldBe(byNumber[0]);
    }

    [Fact]
    public async Task A_next_link_whose_last_worker_was_renamed_since_leads_to_the_page_counted_to_not_one_moved_to_the_new_name()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        static IReadOnlyList<string> Rows(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("main tbody tr").Select(r => r.TextContent.Trim())];
        var first = await client.GetPageAsync("/Workers");
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var edge = int.Parse(first.QuerySelectorAll("main tbody tr a[href^='/Workers/']")[^1].GetAttribute("href")!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);

        // Saved by someone else meanwhile, under a name that sorts far down the pool.
        await QueryAsync(db => db.Workers.Where(w => w.Id == edge).ExecuteUpdate(w => w.SetProperty(x => x.LastName, "Mmmorrow").SetProperty(x => x.Version, x => x.Version + 1)));

        Rows(await client.GetPageAsync(next)).ShouldBe(Rows(await client.GetPageAsync("/Workers?page=2")));
    }

    [Theory]
    [InlineData("recruiter@connect2luton.local", "/Requisitions")]
    [InlineData("recruiter@connect2luton.local", "/Requisitions?status=Open")]
    [InlineData("agency@connect2luton.local", "/Agency")]
    public async Task A_page_number_past_the_end_of_a_list_shows_its_last_page_not_an_empty_one(string user, string list)
    {
        var client = await factory.SignedInAsAsync(user);
        static IReadOnlyList<string> Rows(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("main tbody tr").Select(r => r.TextContent.Trim())];
        var join = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        var first = await client.GetPageAsync(list);
        var lastNumber = first.QuerySelectorAll(".govuk-pagination__item a").Select(a => int.Parse(a.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Max();
        var last = await client.GetPageAsync($"{list}{join}page={lastNumber}");
        var past = await client.GetPageAsync($"{list}{join}page={lastNumber + 99_999}");

        Rows(last).ShouldNotBeEmpty();
        Rows(past).ShouldBe(Rows(last));
        past.QuerySelector(".govuk-pagination__next a").ShouldBeNull();
    }

    [Theory]
    [InlineData("/Placements?page=2&after=9999-12-31.2147483647&before=0001-01-01.1")]
    [InlineData("/Placements?page=2&after=%00")]
    [InlineData("/Workers?page=2&after=-1&before=%27%20OR%201%3D1")]
    [InlineData("/Requisitions?status=NotAStatus&page=abc")]
    [InlineData("/Requisitions?status=99&page=-4")]
    [InlineData("/Workers?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&page=9999999")]
    [InlineData("/Workers?name=%27%20OR%201%3D1%20--")]
    [InlineData("/Placements?show=%00&page=2147483647")]
    [InlineData("/Placements?page=99999999")]
    [InlineData("/Requisitions?page=99999999")]
    [InlineData("/Workers?page=99999999")]
    public async Task Nonsense_in_the_address_bar_gives_a_list_not_an_error(string path)
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browsing.ParseAsync(response);
        page.QuerySelector("#result-count").ShouldNotBeNull();
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
    }

    [Fact]
    public async Task The_worker_search_finds_names_by_their_first_letters()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var surname = await QueryAsync(db => db.Workers.OrderBy(w => w.Id).Select(w => w.LastName).First());
        var expected = await QueryAsync(db => db.Workers.Count(w => w.LastName.StartsWith(surname.Substring(0, 3)) || w.FirstName.StartsWith(surname.Substring(0, 3))));

        var page = await client.GetPageAsync($"/Workers?name={Uri.EscapeDataString(surname[..3])}");

        page.Text("#result-count").ShouldBe(expected == 1 ? "1 worker" : $"{expected} workers");
        page.QuerySelectorAll("main tbody tr").ShouldNotBeEmpty();
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, T> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
