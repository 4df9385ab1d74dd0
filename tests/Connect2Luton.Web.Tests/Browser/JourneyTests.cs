using Connect2Luton.Application.Jobs;
using System.Text.RegularExpressions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>
/// What each kind of user comes to do, done in a real browser from the first page to the last: every page reached
/// passes axe (no serious or critical problems), no script error or CSP refusal happens on the way, and the last
/// page is kept as a screenshot (bin/.../screenshots/journey-*.png).
/// </summary>
public sealed partial class JourneyTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    [BrowserFact]
    public async Task A_hiring_manager_raises_a_requisition_and_submits_it_and_an_admin_approves_it()
    {
        var socialWorker = await PlacementArrangement.QueryAsync(factory, db => db.JobRoles.Single(r => r.Title == "Social Worker (Children and Families)").Id);
        var journey = await BrowserJourney.StartAsync(factory, "manager@connect2luton.local");
        var page = journey.Page;

        await journey.GoAsync("/Requisitions");
        await page.ClickAsync("main a[href='/Requisitions/New']");
        await journey.ArrivedAsync();
        await page.SelectOptionAsync("[name='Input.JobRoleId']", socialWorker.ToString());
        await page.FillAsync("[name='Input.Title']", "Social Worker, Child in Need team");
        await page.SelectOptionAsync("[name='Input.Reason']", new SelectOptionValue { Value = nameof(RequisitionReason.VacancyCover) });
        await FillDateAsync(page, "Input.StartDate", Clocks.Today.AddDays(21));
        await FillDateAsync(page, "Input.EndDate", Clocks.Today.AddDays(21 + 26 * 7 - 1));
        await page.FillAsync("[name='Input.WeeklyHours']", "37");
        await page.FillAsync("[name='Input.MaximumPayRate']", "36.50");
        await page.FillAsync("[name='Input.Positions']", "1");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(RequisitionPage());
        await journey.ArrivedAsync();
        (await page.Locator("#status").TextContentAsync()).ShouldNotBeNull().ShouldContain("Draft");

        await page.ClickAsync("#actions button:has-text('Submit for approval')");
        await journey.ArrivedAsync();
        (await page.Locator("#approval-note").TextContentAsync()).ShouldNotBeNull().ShouldContain("someone else must approve it");
        (await page.Locator("#actions button:has-text('Approve')").CountAsync()).ShouldBe(0);
        var requisition = new Uri(page.Url).PathAndQuery;
        await journey.EndAsync("hiring-manager");

        var admin = await BrowserJourney.StartAsync(factory, "admin@connect2luton.local");
        await admin.GoAsync(requisition);
        await admin.Page.ClickAsync("#actions button:has-text('Approve')");
        await admin.ArrivedAsync();

        (await admin.Page.Locator("#status").TextContentAsync()).ShouldNotBeNull().ShouldContain("Approved");
        await admin.EndAsync("approver");
    }

    [BrowserFact]
    public async Task A_recruiter_choosing_a_service_is_offered_only_its_hiring_managers_and_the_roles_it_recruits_for()
    {
        var (children, housingOfficer, childrensManager, housingManager) = await PlacementArrangement.QueryAsync(factory, db =>
        {
            var csc = db.ServiceAreas.Single(a => a.Code == "CSC").Id;
            var hou = db.ServiceAreas.Single(a => a.Code == "HOU").Id;
            return (csc, db.JobRoles.Single(r => r.Title == "Housing Officer").Id,
                db.HiringManagers.First(m => m.ServiceAreaId == csc).Id, db.HiringManagers.First(m => m.ServiceAreaId == hou).Id);
        });
        var journey = await BrowserJourney.StartAsync(factory, "recruiter@connect2luton.local");
        var page = journey.Page;
        await journey.GoAsync("/Requisitions/New");
        Task<bool> OfferedAsync(string select, int value) => page.Locator($"#{select} option[value='{value}']").EvaluateAsync<bool>("o => !o.disabled && !o.hidden");
        (await OfferedAsync("Input_JobRoleId", housingOfficer)).ShouldBeTrue("before a service is chosen every role is offered");

        await page.SelectOptionAsync("#Input_ServiceAreaId", children.ToString());

        (await OfferedAsync("Input_JobRoleId", housingOfficer)).ShouldBeFalse();
        (await OfferedAsync("Input_HiringManagerId", housingManager)).ShouldBeFalse();
        (await OfferedAsync("Input_HiringManagerId", childrensManager)).ShouldBeTrue();
        await page.SelectOptionAsync("#Input_HiringManagerId", childrensManager.ToString());
        await journey.EndAsync("service-choices");
    }

    [BrowserFact]
    public async Task A_recruiter_shortlists_local_candidates_first_is_refused_over_the_cap_books_and_extends()
    {
        var requisitionId = await PlacementArrangement.OpenRequisitionAsync(factory, startsInDays: 21);
        var journey = await BrowserJourney.StartAsync(factory, "recruiter@connect2luton.local");
        var page = journey.Page;

        await journey.GoAsync($"/Requisitions/{requisitionId}/Shortlist");
        var tiers = await page.Locator("#candidates tbody tr td:nth-child(2) .govuk-tag").AllTextContentsAsync();
        tiers.ShouldNotBeEmpty();
        var firstOther = tiers.ToList().FindIndex(t => t.Trim() != "Local");
        tiers.Skip(firstOther < 0 ? tiers.Count : firstOther).ShouldNotContain(t => t.Trim() == "Local", "local candidates come first");
        // The first whose checks are in order: one whose checks need attention could not be booked.
        var candidate = page.Locator("#candidates tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator("button:has-text('Add')"), HasText = "In order" }).First;
        var name = (await candidate.Locator("td a").First.TextContentAsync())!.Trim();
        await candidate.Locator("button:has-text('Add')").ClickAsync();
        await journey.ArrivedAsync();
        (await page.Locator("#shortlist").TextContentAsync()).ShouldNotBeNull().ShouldContain(name);

        await page.Locator("#shortlist a:has-text('Book')").First.ClickAsync();
        await journey.ArrivedAsync();
        // Over the grade's cap for a social worker: the DfE cap asks for a sign-off, and without one nothing is booked.
        await page.FillAsync("#Input_PayRate", "48");
        await page.Locator("#pay-rate-check [data-outcome='NeedsException']").WaitForAsync();
        await page.ClickAsync("#booking-form button[type=submit]");
        await journey.ArrivedAsync();
        (await page.Locator("#Input_CapReason-error").TextContentAsync()).ShouldNotBeNull().ShouldContain("over its cap");
        (await page.Locator(".govuk-error-summary").TextContentAsync()).ShouldNotBeNull().ShouldContain("over its cap");

        await page.FillAsync("#Input_PayRate", "33.50");
        await page.Locator("#pay-rate-check [data-outcome='Allowed']").WaitForAsync();
        await page.ClickAsync("#booking-form button[type=submit]");
        await page.WaitForURLAsync(PlacementPage());
        await journey.ArrivedAsync();
        (await page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain($"{name} is booked");

        await page.ClickAsync("main a[href$='/Extend']");
        await journey.ArrivedAsync();
        await FillDateAsync(page, "Input.NewEndDate", Clocks.Today.AddDays(21 + 26 * 7 - 1 + 8 * 7));
        await page.FillAsync("[name='Input.Reason']", "Permanent recruitment still under way");
        await page.FillAsync("[name='Input.ApprovedBy']", "Jo Bloggs, Head of Service");
        await page.ClickAsync("#extend-form button[type=submit]");
        await page.WaitForURLAsync(PlacementPage());
        await journey.ArrivedAsync();

        (await page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain("xtended");
        await journey.EndAsync("recruiter");
    }

    [BrowserFact]
    public async Task An_admin_runs_the_nightly_conversion_job_and_the_prompt_it_raises_is_acted_on()
    {
        var journey = await BrowserJourney.StartAsync(factory, "admin@connect2luton.local");
        var page = journey.Page;

        await journey.GoAsync("/Conversions");
        (await page.Locator("main a[href^='/Conversions/']").CountAsync()).ShouldBe(0, "the demo data raises no prompts of its own");
        await journey.GoAsync("/Jobs");
        // The job runs on the scheduler, not in the request: the prompts are looked for once the scheduler says it ran.
        await using (var finishing = await JobsFinishing.ExpectAsync(factory.Services, JobNames.RaiseConversionPrompts))
        {
            await page.ClickAsync("#job-raise-conversion-prompts button:has-text('Run now')");
            await journey.ArrivedAsync();
            await finishing.WithinAsync(TimeSpan.FromSeconds(60));
        }
        await journey.GoAsync("/Conversions");
        var prompt = page.Locator("main a[href^='/Conversions/']").First;
        var worker = (await prompt.TextContentAsync())!.Trim();
        await prompt.ClickAsync();
        await journey.ArrivedAsync();

        await page.FillAsync("[name='Input.OfferNote']", "Permanent Social Worker post, Child in Need team, from March");
        await page.ClickAsync("#offer-made button[type=submit]");
        await journey.ArrivedAsync();

        (await page.Locator(".govuk-notification-banner__heading").TextContentAsync()).ShouldNotBeNull().ShouldContain("Offer recorded");
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain(worker);
        await journey.EndAsync("admin");
    }

    private static async Task FillDateAsync(IPage page, string field, DateOnly day)
    {
        await page.FillAsync($"[name='{field}.Day']", day.Day.ToString());
        await page.FillAsync($"[name='{field}.Month']", day.Month.ToString());
        await page.FillAsync($"[name='{field}.Year']", day.Year.ToString());
    }

    [GeneratedRegex(@"/Requisitions/\d+$")]
    private static partial Regex RequisitionPage();

    [GeneratedRegex(@"/Placements/\d+$")]
    private static partial Regex PlacementPage();
}
