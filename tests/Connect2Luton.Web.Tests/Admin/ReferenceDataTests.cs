using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Account;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Admin;

/// <summary>
/// A council going live: on an empty production database the first admin sets up, through the pages alone, the
/// service, role, agency and hiring manager everything else needs, and what they add is offered where it is used.
/// </summary>
public sealed class ReferenceDataTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    private const string AdminEmail = "it.admin@luton.gov.example";
    private const string AdminPassword = "A-long-first-password-2026";

    [Fact]
    public async Task An_admin_sets_up_a_service_a_role_an_agency_and_a_manager_who_then_raises_a_requisition_for_them_until_the_role_is_deactivated()
    {
        var admin = await factory.SignedInAsAsync(AdminEmail, AdminPassword);
        (await admin.GetPageAsync("/Admin")).Text("#admin-sections").ShouldContain("Service areas");

        var areaForm = await admin.GetPageAsync("/Admin/ServiceAreas/New");
        var before = await CountAsync(db => db.ServiceAreas);
        var refused = await Browsing.ParseAsync(await admin.SubmitAsync(areaForm, new Dictionary<string, string>
        {
            ["Input.Code"] = "C S C", ["Input.Name"] = "", ["Input.Directorate"] = "Children, Families and Education", ["Input.EstablishmentFte"] = "eighty",
        }));
        refused.Text("#Input_Code-error").ShouldBe("Error: The code must be letters, numbers and hyphens only, like CSC");
        refused.Text("#Input_Name-error").ShouldBe("Error: Enter the service's name");
        refused.Text("#Input_EstablishmentFte-error").ShouldBe("Error: The establishment must be a number");
        (await CountAsync(db => db.ServiceAreas)).ShouldBe(before, "a refused form saves nothing");
        var area = await admin.SubmitAsync(areaForm, new Dictionary<string, string>
        {
            ["Input.Code"] = "csc", ["Input.Name"] = "Children's Social Care", ["Input.Directorate"] = "Children, Families and Education",
            ["Input.IsChildrensServices"] = "true", ["Input.EstablishmentFte"] = "86.5",
        });
        area.StatusCode.ShouldBe(HttpStatusCode.Redirect, await area.Content.ReadAsStringAsync());
        var areas = await admin.GetPageAsync(area.Headers.Location!.OriginalString);
        areas.Text("#done").ShouldContain("Added the service area Children's Social Care");
        areas.Text("#service-areas").ShouldContain("CSC");
        (await Browsing.ParseAsync(await admin.SubmitAsync(areaForm, new Dictionary<string, string>
        {
            ["Input.Code"] = "CSC2", ["Input.Name"] = "CHILDREN'S SOCIAL CARE", ["Input.Directorate"] = "Children",
        }))).Text("#Input_Name-error").ShouldBe("Error: There is already a service called Children's Social Care: enter another name");

        var roleForm = await admin.GetPageAsync("/Admin/JobRoles/New");
        var role = new Dictionary<string, string>
        {
            ["Input.Title"] = "Social Worker (Children and Families)", ["Input.JobFamily"] = "SocialCare", ["Input.NjcGrade"] = "z",
            ["Input.SalaryMinimum"] = "£39,027", ["Input.SalaryMaximum"] = "44,463", ["Input.RequiredRegistration"] = "SocialWorkEngland", ["Input.DfeRoleType"] = "SocialWorker",
        };
        (await Browsing.ParseAsync(await admin.SubmitAsync(roleForm, role))).Text("#Input_NjcGrade-error")
            .ShouldBe("Error: The pay-rate caps rules set no cap for grade Z: ask a policy officer to add one, then save again");
        role["Input.NjcGrade"] = "e";
        (await admin.SubmitAsync(roleForm, role)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roles = await admin.GetPageAsync("/Admin/JobRoles");
        roles.Text("#job-roles").ShouldContain("£39,027 to £44,463");
        roles.Text("#job-roles").ShouldNotContain("SocialWorkEngland", Case.Sensitive, "the register in words");

        var agencyForm = await admin.GetPageAsync("/Admin/SupplyAgencies/New");
        (await Browsing.ParseAsync(await admin.SubmitAsync(agencyForm, new Dictionary<string, string> { ["Input.Name"] = "Connect2Luton pool", ["Input.Kind"] = "InHousePool", ["Input.MarginPercent"] = "eight" })))
            .Text("#Input_MarginPercent-error").ShouldBe("Error: The margin must be a number");
        foreach (var (typed, said) in new[] { ("8,5", "The margin must be a number, with a full stop before any decimals, like 8.5"), ("£12", "The margin must be a percentage, like 8%"), ("8%%", "The margin must be a number") })
        {
            (await Browsing.ParseAsync(await admin.SubmitAsync(agencyForm, new Dictionary<string, string> { ["Input.Name"] = "Connect2Luton pool", ["Input.Kind"] = "InHousePool", ["Input.MarginPercent"] = typed })))
                .Text("#Input_MarginPercent-error").ShouldBe($"Error: {said}", $"{typed} is not read as a different figure");
        }
        (await admin.SubmitAsync(agencyForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "Connect2Luton pool", ["Input.Kind"] = "InHousePool", ["Input.MarginPercent"] = "8%", ["Input.IsLocal"] = "true",
            ["Input.ConfirmsDfeAgencyRules"] = "true",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agencies = (await admin.GetPageAsync("/Admin/SupplyAgencies")).Text("#supply-agencies");
        agencies.ShouldContain("8.00%");
        agencies.ShouldContain("Confirmed", Case.Sensitive, "it works to the DfE agency rules, so it may be offered children's social work");
        agencies.ShouldContain("In-house pool");

        var managerForm = await admin.GetPageAsync("/Admin/HiringManagers/New");
        var areaId = Option(managerForm, "#Input_ServiceAreaId", "Children's Social Care");
        (await admin.SubmitAsync(managerForm, new Dictionary<string, string>
        {
            ["Input.Email"] = "tanya.moss@luton.gov.example", ["Input.Name"] = "Tanya Moss", ["Input.JobTitle"] = "Head of Service", ["Input.ServiceAreaId"] = areaId,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var account = await admin.SubmitAsync(await admin.GetPageAsync("/Admin/Users/New"), new Dictionary<string, string>
        {
            ["Input.Email"] = "tanya.moss@luton.gov.example", ["Input.Name"] = "Tanya Moss", ["Input.Roles"] = "HiringManager", ["Input.ServiceAreaId"] = areaId,
        });
        account.StatusCode.ShouldBe(HttpStatusCode.Redirect, await account.Content.ReadAsStringAsync());
        (await admin.GetPageAsync("/Admin/HiringManagers")).Text("#hiring-managers").ShouldContain("Yes, as a hiring manager", Case.Sensitive, "the account found the record");
        var tanya = await SignInWithLinkAsync(admin, account.Headers.Location!.OriginalString, "tanya.moss@luton.gov.example");

        var requisitionForm = await tanya.GetPageAsync("/Requisitions/New");
        var roleId = Option(requisitionForm, "#Input_JobRoleId", "Social Worker (Children and Families) (social care)");
        var raised = await tanya.SubmitAsync(requisitionForm, new Dictionary<string, string>
        {
            ["Input.ServiceAreaId"] = areaId, ["Input.JobRoleId"] = roleId, ["Input.Title"] = "Social Worker, Child Protection", ["Input.Reason"] = "VacancyCover",
            ["Input.StartDate.Day"] = "7", ["Input.StartDate.Month"] = "12", ["Input.StartDate.Year"] = "2026",
            ["Input.EndDate.Day"] = "4", ["Input.EndDate.Month"] = "6", ["Input.EndDate.Year"] = "2027",
            ["Input.WeeklyHours"] = "37", ["Input.MaximumPayRate"] = "36.50", ["Input.Positions"] = "1",
        });
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await raised.Content.ReadAsStringAsync());
        var requisition = raised.Headers.Location!.OriginalString;
        Option(await admin.GetPageAsync("/Workers/New"), "#Input_SupplyAgencyId", "Connect2Luton pool").ShouldNotBeEmpty();

        var rolePage = await admin.GetPageAsync($"/Admin/JobRoles/{roleId}");
        var deactivated = await admin.SubmitAsync(rolePage, new Dictionary<string, string>(), $"/Admin/JobRoles/{roleId}?handler=Deactivate");
        deactivated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetPageAsync(deactivated.Headers.Location!.OriginalString)).Text("#standing").ShouldContain("Deactivated");
        (await tanya.GetPageAsync("/Requisitions/New")).QuerySelectorAll<IHtmlOptionElement>("#Input_JobRoleId option").Select(o => o.Value).ShouldNotContain(roleId);
        (await tanya.GetPageAsync(requisition)).Text("main").ShouldContain("Social Worker (Children and Families)", Case.Sensitive, "the requisition raised before keeps its role");
        (await tanya.GetPageAsync($"{requisition}/Edit")).QuerySelectorAll<IHtmlOptionElement>("#Input_JobRoleId option").Select(o => o.Value)
            .ShouldContain(roleId, "and can be revised keeping it");
        (await tanya.GetPageAsync($"{requisition}/Edit")).QuerySelector($"#Input_JobRoleId option[value='{roleId}']")!.TextContent
            .ShouldContain("(deactivated)", Case.Sensitive, "marked, as the worker form marks an agency no longer used");
    }

    [Fact]
    public async Task Saving_a_service_against_an_out_of_date_page_overwrites_nothing_and_shows_it_as_it_is_now()
    {
        var admin = await factory.SignedInAsAsync(AdminEmail, AdminPassword);
        var created = await admin.SubmitAsync(await admin.GetPageAsync("/Admin/ServiceAreas/New"), new Dictionary<string, string>
        {
            ["Input.Code"] = "HOU", ["Input.Name"] = "Housing Needs", ["Input.Directorate"] = "Place",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = (await admin.GetPageAsync("/Admin/ServiceAreas")).QuerySelectorAll("#service-areas a").Single(a => a.TextContent == "Housing Needs").GetAttribute("href")!;
        var mine = await admin.GetPageAsync(link);
        var theirs = await admin.GetPageAsync(link);

        (await admin.SubmitAsync(theirs, new Dictionary<string, string> { ["Input.Name"] = "Housing" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await admin.SubmitAsync(mine, new Dictionary<string, string> { ["Input.Name"] = "Housing Options" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browsing.ParseAsync(stale);
        page.Text(".govuk-error-summary").ShouldContain("Someone else saved a change to this service area while you were working on it");
        page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value.ShouldBe("Housing", "the form shows it as it is now");
        (await admin.SubmitAsync(mine, new Dictionary<string, string>(), $"{link}?handler=Deactivate")).StatusCode.ShouldBe(HttpStatusCode.OK, "the deactivate button is out of date too");
        (await CountAsync(db => db.ServiceAreas.Where(a => a.Name == "Housing" && a.IsActive))).ShouldBe(1);
    }

    private static string Option(IDocument page, string select, string text) =>
        page.QuerySelectorAll<IHtmlOptionElement>($"{select} option").SingleOrDefault(o => o.Text.Trim() == text)?.Value
        ?? throw new ShouldAssertException($"{page.Url} offers no \"{text}\" in {select}: {string.Join(", ", page.QuerySelectorAll<IHtmlOptionElement>($"{select} option").Select(o => o.Text))}");

    private async Task<HttpClient> SignInWithLinkAsync(HttpClient admin, string accountPage, string email)
    {
        var account = await admin.GetPageAsync(accountPage);
        var withLink = await Browsing.ParseAsync(await admin.SubmitAsync(account, new Dictionary<string, string>(), $"{accountPage}?handler=ResetLink"));
        var link = new Uri(withLink.QuerySelector("#reset-link-address")!.TextContent.Trim());
        var browser = factory.CreateBrowser();
        var setting = await browser.GetPageAsync(link.PathAndQuery);
        (await browser.SubmitAsync(setting, new Dictionary<string, string> { ["Input.Password"] = "Luton-Manager-2027!", ["Input.Confirm"] = "Luton-Manager-2027!" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await factory.SignedInAsAsync(email, "Luton-Manager-2027!");
    }

    private async Task<int> CountAsync<T>(Func<AppDbContext, IQueryable<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>()).CountAsync();
    }
}
