using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Shortlists;

public sealed class ShortlistPageTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Manager = "manager@connect2luton.local";
    private const string Recruiter = "recruiter@connect2luton.local";

    [Fact]
    public async Task A_recruiter_shortlists_the_top_ranked_worker_and_takes_them_off_with_a_reason()
    {
        var id = await OpenRequisitionAsync("CSC", skip: 0);
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var page = await recruiter.GetPageAsync($"/Requisitions/{id}");
        page = await recruiter.GetPageAsync(page.QuerySelector("#shortlist-link")!.GetAttribute("href")!);

        var top = page.QuerySelectorAll("#candidates tbody tr")[0];
        top.QuerySelector(".govuk-tag")!.TextContent.ShouldBe("Local", "Luton residents come first");
        var name = top.QuerySelector("a")!.TextContent.Trim();
        var added = await Follow(recruiter, await recruiter.SubmitAsync(page, new Dictionary<string, string> { ["WorkerId"] = top.GetAttribute("data-worker")! },
            $"/Requisitions/{id}/Shortlist?handler=Add"));

        added.Text("#done").ShouldContain("Added to the shortlist");
        var row = added.QuerySelectorAll("#shortlist tbody tr").Single(r => r.GetAttribute("data-worker") == top.GetAttribute("data-worker"));
        row.TextContent.ShouldContain(name);
        row.TextContent.ShouldContain(Recruiter);
        added.QuerySelectorAll("#candidates tbody tr").ShouldNotContain(r => r.GetAttribute("data-worker") == top.GetAttribute("data-worker"));

        var form = await recruiter.GetPageAsync(row.QuerySelector("a[href$='/Remove']")!.GetAttribute("href")!);
        var empty = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "" }));
        empty.Text("#Input_Reason-error").ShouldBe("Error: Enter why the worker is coming off the shortlist");
        var removed = await Follow(recruiter, await recruiter.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "Took a permanent job elsewhere" }));

        removed.Text("#done").ShouldContain($"{name} is off the shortlist");
        removed.QuerySelectorAll("#shortlist tbody tr").ShouldNotContain(r => r.GetAttribute("data-worker") == top.GetAttribute("data-worker"));
        (await QueryAsync(db => db.Requisitions.Include(r => r.Shortlist).Single(r => r.Id == id).Shortlist
            .Single(e => e.WorkerId == int.Parse(top.GetAttribute("data-worker")!)).RemovalReason)).ShouldBe("Took a permanent job elsewhere");
    }

    [Fact]
    public async Task A_hiring_manager_sees_their_shortlist_but_cannot_change_it()
    {
        var id = await OpenRequisitionAsync("CSC", skip: 1);
        var manager = await factory.SignedInAsAsync(Manager);
        var before = await ShortlistCountAsync(id);

        var page = await manager.GetPageAsync($"/Requisitions/{id}/Shortlist");
        var worker = page.QuerySelectorAll("#candidates tbody tr")[0].GetAttribute("data-worker")!;
        var response = await manager.SubmitAsync(page, new Dictionary<string, string> { ["WorkerId"] = worker, ["Version"] = "0" }, $"/Requisitions/{id}/Shortlist?handler=Add");

        page.Text("#read-only").ShouldBe("Only recruiters change shortlists.");
        page.QuerySelectorAll("#candidates button").ShouldBeEmpty();
        page.QuerySelectorAll("#shortlist a[href$='/Remove']").ShouldBeEmpty();
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await ShortlistCountAsync(id)).ShouldBe(before);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e3")]
    [InlineData("2147483648")]
    public async Task A_page_number_that_is_not_one_shows_the_first_page_without_a_form_error(string number)
    {
        var id = await OpenRequisitionAsync("CSC", skip: 2);
        var recruiter = await factory.SignedInAsAsync(Recruiter);

        var page = await recruiter.GetPageAsync($"/Requisitions/{id}/Shortlist?page={Uri.EscapeDataString(number)}");

        page.QuerySelector(".govuk-error-summary").ShouldBeNull();
        page.Title.ShouldNotBeNull().ShouldNotStartWith("Error");
        page.QuerySelector("#candidates tbody tr").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("999999", "no longer in the pool")]
    [InlineData("abc", "Worker is not one of the answers this form offers")]
    [InlineData("0x1F", "Worker is not one of the answers this form offers")]
    [InlineData("-1", "no longer in the pool")]
    public async Task A_tampered_worker_gets_a_message_and_changes_nothing(string workerId, string message)
    {
        var id = await OpenRequisitionAsync("CSC", skip: 2);
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var before = await ShortlistCountAsync(id);
        var page = await recruiter.GetPageAsync($"/Requisitions/{id}/Shortlist?page=abc");

        var answer = await recruiter.SubmitAsync(page, new Dictionary<string, string> { ["WorkerId"] = workerId }, $"/Requisitions/{id}/Shortlist?handler=Add");

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browsing.ParseAsync(answer)).Text(".govuk-error-summary").ShouldContain(message);
        (await ShortlistCountAsync(id)).ShouldBe(before);
        (await recruiter.GetAsync(new Uri("/Requisitions/999999/Shortlist", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await recruiter.GetAsync(new Uri($"/Requisitions/{id}/Shortlist/999999/Remove", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<IDocument> Follow(HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetPageAsync(response.Headers.Location!.ToString());
    }

    private Task<int> OpenRequisitionAsync(string serviceCode, int skip) => QueryAsync(db => db.Requisitions
        .Where(r => r.Status == RequisitionStatus.Open)
        .Join(db.ServiceAreas.Where(a => a.Code == serviceCode), r => r.ServiceAreaId, a => a.Id, (r, _) => r.Id)
        .OrderBy(r => r).Skip(skip).First());

    private Task<int> ShortlistCountAsync(int id) =>
        QueryAsync(db => db.Requisitions.Include(r => r.Shortlist).AsNoTracking().Single(r => r.Id == id).Shortlist.Count(e => e.Status == ShortlistEntryStatus.Shortlisted));

    private async Task<T> QueryAsync<T>(Func<AppDbContext, T> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
