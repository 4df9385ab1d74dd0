using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Requisitions;

public sealed class RequisitionJourneyTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Manager = "manager@connect2luton.local";
    private const string Recruiter = "recruiter@connect2luton.local";
    private const string Admin = "admin@connect2luton.local";

    internal static Dictionary<string, string> ValidForm(int roleId) => new()
    {
        ["Input.JobRoleId"] = roleId.ToString(),
        ["Input.Title"] = "Social Worker, Child Protection team",
        ["Input.Reason"] = nameof(RequisitionReason.VacancyCover),
        ["Input.Description"] = "Cover while the post is advertised.",
        ["Input.StartDate.Day"] = "7",
        ["Input.StartDate.Month"] = "12",
        ["Input.StartDate.Year"] = "2026",
        ["Input.EndDate.Day"] = "4",
        ["Input.EndDate.Month"] = "6",
        ["Input.EndDate.Year"] = "2027",
        ["Input.WeeklyHours"] = "37",
        ["Input.MaximumPayRate"] = "£36.50",
        ["Input.Positions"] = "1",
        ["Input.IsProjectTeam"] = "false",
    };

    [Fact]
    public async Task A_hiring_manager_raises_and_submits_someone_else_approves_and_a_recruiter_opens_it()
    {
        var manager = await factory.SignedInAsAsync(Manager);
        var form = await manager.GetPageAsync("/Requisitions/New");
        form.QuerySelector("#Input_HiringManagerId").ShouldBeNull("a hiring manager raises as themselves");

        var raised = await manager.SubmitAsync(form, ValidForm(await SocialWorkerRoleAsync()));
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = raised.Headers.Location!.ToString();
        var details = await manager.GetPageAsync(location);
        details.Text("#status").ShouldBe("Draft");

        details = await Follow(manager, await manager.SubmitAsync(details, new Dictionary<string, string>(), $"{location}?handler=Submit"));
        details.Text("#status").ShouldBe("Awaiting approval");
        details.QuerySelectorAll("#actions button").Select(b => b.TextContent.Trim()).ShouldNotContain("Approve");
        details.Text("#approval-note").ShouldBe("You raised, changed or submitted this requisition, so someone else must approve it: another hiring manager of the service, or an admin.");
        var ownApproval = await manager.SubmitAsync(details, new Dictionary<string, string>(), $"{location}?handler=Approve");
        ownApproval.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: "the raiser's own approval is refused, not only hidden");
        var admin = await factory.SignedInAsAsync(Admin);
        var approving = await admin.GetPageAsync(location);
        approving.QuerySelector("#approval-note").ShouldBeNull();
        details = await Follow(admin, await admin.SubmitAsync(approving, new Dictionary<string, string>(), $"{location}?handler=Approve"));
        details.Text("#status").ShouldBe("Approved");
        details.Text("#done").ShouldContain("Approved");

        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var seen = await recruiter.GetPageAsync(location);
        seen.QuerySelectorAll("#actions button").Select(b => b.TextContent.Trim()).ShouldBe(["Open for recruitment"]);
        seen = await Follow(recruiter, await recruiter.SubmitAsync(seen, new Dictionary<string, string>(), $"{location}?handler=Open"));

        seen.Text("#status").ShouldBe("Open");
        var history = seen.QuerySelectorAll("#history tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        history.Select(h => h[1]).ShouldBe(["Draft", "Awaiting approval", "Approved", "Open"]);
        history.Select(h => h[2]).ShouldBe([Manager, Manager, Admin, Recruiter]);
    }

    [Fact]
    public async Task A_recruiter_cannot_approve_and_is_not_offered_it()
    {
        var id = await SubmittedRequisitionAsync();
        var recruiter = await factory.SignedInAsAsync(Recruiter);

        var page = await recruiter.GetPageAsync($"/Requisitions/{id}");
        var response = await recruiter.SubmitAsync(page, new Dictionary<string, string>(), $"/Requisitions/{id}?handler=Approve");

        page.QuerySelectorAll("#actions button, #actions a").Select(b => b.TextContent.Trim()).ShouldNotContain("Approve");
        page.QuerySelectorAll("#actions a").Select(a => a.TextContent.Trim()).ShouldNotContain("Reject");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await StatusOfAsync(id)).ShouldBe(RequisitionStatus.Submitted);
        var reject = await recruiter.GetAsync(new Uri($"/Requisitions/{id}/Reject", UriKind.Relative));
        reject.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: "refused before being asked why");
    }

    [Fact]
    public async Task A_hiring_manager_cannot_see_or_act_on_another_services_requisition()
    {
        var other = await QueryAsync(db => db.Requisitions
            .Join(db.ServiceAreas.Where(a => a.Code != "CSC"), r => r.ServiceAreaId, a => a.Id, (r, a) => new { r.Id, r.Version, r.Status }).First());
        var manager = await factory.SignedInAsAsync(Manager);

        (await manager.GetAsync(new Uri($"/Requisitions/{other.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await manager.GetPageAsync("/Requisitions/New");
        var response = await manager.SubmitAsync(page, new Dictionary<string, string> { ["Version"] = other.Version.ToString() }, $"/Requisitions/{other.Id}?handler=Approve");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await StatusOfAsync(other.Id)).ShouldBe(other.Status);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_goes_on_the_history()
    {
        var id = await SubmittedRequisitionAsync();
        var manager = await factory.SignedInAsAsync(Manager);
        var form = await manager.GetPageAsync($"/Requisitions/{id}/Reject");

        var empty = await Browsing.ParseAsync(await manager.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "  " }));
        empty.Text("#Input_Reason-error").ShouldBe("Error: Enter why it is rejected");
        var done = await Follow(manager, await manager.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "Budget not confirmed" }));

        done.Text("#status").ShouldBe("Rejected");
        done.QuerySelectorAll("#history tbody tr")[^1].TextContent.ShouldContain("Budget not confirmed");
    }

    [Fact]
    public async Task Two_people_changing_the_same_requisition_the_second_is_told_and_loses_nothing_silently()
    {
        var id = await DraftRequisitionAsync();
        var first = await factory.SignedInAsAsync(Manager);
        var second = await factory.SignedInAsAsync(Recruiter);
        var firstForm = await first.GetPageAsync($"/Requisitions/{id}/Edit");
        var secondForm = await second.GetPageAsync($"/Requisitions/{id}/Edit");

        (await first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.WeeklyHours"] = "30" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var clash = await Browsing.ParseAsync(await second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Input.WeeklyHours"] = "22.5" }));

        clash.Text(".govuk-error-summary").ShouldContain("Someone else saved a change to this requisition while you were working on it");
        clash.QuerySelector("#Input_WeeklyHours")!.GetAttribute("value").ShouldBe("22.5");
        (await QueryAsync(db => db.Requisitions.Single(r => r.Id == id).WeeklyHours)).ShouldBe(30m);
    }

    private static async Task<IDocument> Follow(HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetPageAsync(response.Headers.Location!.ToString());
    }

    private async Task<int> DraftRequisitionAsync()
    {
        var manager = await factory.SignedInAsAsync(Manager);
        var response = await manager.SubmitAsync(await manager.GetPageAsync("/Requisitions/New"), ValidForm(await SocialWorkerRoleAsync()));
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task<int> SubmittedRequisitionAsync()
    {
        var id = await DraftRequisitionAsync();
        var manager = await factory.SignedInAsAsync(Manager);
        var page = await manager.GetPageAsync($"/Requisitions/{id}");
        (await manager.SubmitAsync(page, new Dictionary<string, string>(), $"/Requisitions/{id}?handler=Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return id;
    }

    private Task<int> SocialWorkerRoleAsync() => QueryAsync(db => db.JobRoles.First(r => r.Title == "Social Worker (Children and Families)").Id);

    private Task<RequisitionStatus> StatusOfAsync(int id) => QueryAsync(db => db.Requisitions.AsNoTracking().Single(r => r.Id == id).Status);

    private async Task<T> QueryAsync<T>(Func<AppDbContext, T> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
