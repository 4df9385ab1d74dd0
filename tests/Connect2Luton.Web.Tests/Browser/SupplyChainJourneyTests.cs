using System.Globalization;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>The demo app in Chromium with a real SMTP server in the test, and the release run only when an admin presses "Run now".</summary>
public sealed class SupplyChainJourneyFactory : ChromiumFactory
{
    public SmtpInbox Inbox { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Inbox.Port.ToString(CultureInfo.InvariantCulture)),
        new("Email:Smtp:Security", "None"),
        new("Email:From", "no-reply@connect2luton.example"),
        new("Email:AppUrl", EmailingFactory.AppUrl),
        new("Scheduling:ReleaseRequisitions", "0 0 0 1 1 ? 2099"),
    ];

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        Inbox.StartAsync().GetAwaiter().GetResult();
        base.ConfigureWebHost(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Inbox.DisposeAsync();
    }
}

/// <summary>
/// The supply chain end to end in a real browser: a hiring manager's requisition is approved and opened; an agency
/// cannot see it; days later the release run lets local supporting agencies see it and emails their staff; one agency
/// puts a candidate forward and a second agency's record of the same person is refused; the recruiter shortlists and
/// books the agency's candidate, the supplier report counts the fill, and the agency sees them placed. Every page passes axe.
/// </summary>
public sealed class SupplyChainJourneyTests(SupplyChainJourneyFactory factory) : IClassFixture<SupplyChainJourneyFactory>
{
    private const string Admin = "admin@connect2luton.local";
    private const string Recruiter = "recruiter@connect2luton.local";
    private static readonly string Wardown = IdentitySeeder.DemoAgencyStaff[0].Email;
    private static readonly string Chiltern = IdentitySeeder.DemoAgencyStaff[1].Email;

    [BrowserFact]
    public async Task A_requisition_reaches_local_agencies_one_puts_a_candidate_forward_the_other_is_refused_and_the_recruiter_books_them()
    {
        var id = await SubmittedByHousingManagerAsync();

        var admin = await BrowserJourney.StartAsync(factory, Admin);
        await admin.GoAsync($"/Requisitions/{id}");
        await admin.Page.ClickAsync("#actions button:has-text('Approve')");
        await admin.ArrivedAsync();
        await admin.Page.ClickAsync("#actions button:has-text('Open for recruitment')");
        await admin.ArrivedAsync();
        await admin.EndAsync("supply-chain-approved");

        var early = await BrowserJourney.StartAsync(factory, Wardown);
        (await early.Page.Locator($"#vacancies a[href='/Agency/Vacancies/{id}']").CountAsync()).ShouldBe(0, "nothing is released yet");
        var hidden = await early.Page.GotoAsync($"/Agency/Vacancies/{id}");
        hidden!.Status.ShouldBe(404);

        // Three working days on (Monday to Thursday), past the in-house pool's two: the next run releases it to local agencies.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        var operations = await BrowserJourney.StartAsync(factory, Admin);
        await operations.GoAsync("/Jobs");
        await using (var finishing = await JobsFinishing.ExpectAsync(factory.Services, JobNames.ReleaseRequisitions))
        {
            await operations.Page.ClickAsync($"#job-{JobNames.ReleaseRequisitions} button:has-text('Run now')");
            await operations.ArrivedAsync();
            await finishing.WithinAsync(TimeSpan.FromSeconds(60));
        }
        await operations.GoAsync($"/Requisitions/{id}");
        (await operations.Page.Locator("#tier-LocalSupportingAgency dd").TextContentAsync()).ShouldNotBeNull().ShouldContain("by the release rules");
        await operations.EndAsync("supply-chain-released");
        var released = await factory.Inbox.WaitForAsync(e => e.IsTo(Wardown) && e.Body.Contains($"/Agency/Vacancies/{id}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        released.Subject.ShouldBe("Vacancy released to your agency: Housing Officer, temporary accommodation team");

        var wardown = await BrowserJourney.StartAsync(factory, Wardown);
        await wardown.Page.ClickAsync($"#vacancies a[href='/Agency/Vacancies/{id}']");
        await wardown.ArrivedAsync();
        (await wardown.Page.Locator("#vacancy").TextContentAsync()).ShouldNotBeNull().ShouldContain("Housing Officer");
        await AddCandidateAsync(wardown, "s.obrien@wardown.example", "07700 900321");
        await PutForwardAsync(wardown, id, "Siobhán O'Brien");
        (await wardown.Page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain("Candidate put forward");
        await wardown.EndAsync("supply-chain-put-forward");

        // The second agency's own record of the same person: another email, the phone written another way, the name in capitals.
        var chiltern = await BrowserJourney.StartAsync(factory, Chiltern);
        await AddCandidateAsync(chiltern, "siobhan.obrien@chiltern.example", "+44 7700 900321", "SIOBHAN", "O'BRIEN");
        await PutForwardAsync(chiltern, id, "SIOBHAN O'BRIEN");
        (await chiltern.Page.Locator("#Input_WorkerId-error").TextContentAsync()).ShouldNotBeNull().ShouldContain("This person is already put forward for this role.");
        (await chiltern.Page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldNotContain("Wardown");
        await chiltern.EndAsync("supply-chain-duplicate");

        var recruiter = await BrowserJourney.StartAsync(factory, Recruiter);
        await recruiter.GoAsync($"/Requisitions/{id}/Shortlist");
        var row = recruiter.Page.Locator("#put-forward tbody tr");
        (await row.TextContentAsync()).ShouldNotBeNull().ShouldContain("Wardown Social Work Recruitment");
        await row.Locator("button:has-text('Shortlist')").ClickAsync();
        await recruiter.ArrivedAsync();
        (await recruiter.Page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain("Added to the shortlist");
        await recruiter.Page.Locator("#shortlist a:has-text('Book')").First.ClickAsync();
        await recruiter.ArrivedAsync();
        await recruiter.Page.FillAsync("#Input_PayRate", "18");
        await recruiter.Page.Locator("#pay-rate-check [data-outcome='Allowed']").WaitForAsync();
        await recruiter.Page.ClickAsync("#booking-form button[type=submit]");
        await recruiter.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Placements/\\d+$"));
        await recruiter.ArrivedAsync();
        (await recruiter.Page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain("Siobhán O'Brien is booked");

        // The supplier report for the period counts the fill against the agency that put them forward.
        await recruiter.GoAsync("/Reports/Suppliers");
        var wardownRow = recruiter.Page.Locator("#tier-localsupportingagency tr").Filter(new LocatorFilterOptions { HasText = "Wardown Social Work Recruitment" });
        var cells = await wardownRow.Locator("td").AllTextContentsAsync();
        (cells[1].Trim(), cells[3].Trim(), cells[4].Trim()).ShouldBe(("1", "1", "1"), "put forward 1, shortlisted 1, placed 1");
        await recruiter.EndAsync("supply-chain-booked");

        await wardown.GoAsync("/Agency/Submissions");
        (await wardown.Page.Locator("#submissions tbody tr").First.TextContentAsync()).ShouldNotBeNull().ShouldContain("Placed");
        await wardown.EndAsync("supply-chain-placed");
    }

    private async Task<int> SubmittedByHousingManagerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var area = await db.ServiceAreas.SingleAsync(a => a.Code == "HOU");
        var role = await db.JobRoles.SingleAsync(r => r.Title == "Housing Officer");
        var manager = await db.HiringManagers.FirstAsync(m => m.ServiceAreaId == area.Id && m.IsActive);
        var requisition = Requisition.Raise(
            new RequisitionDetails(area.Id, role.Id, "Housing Officer, temporary accommodation team", RequisitionReason.VacancyCover, "Cover while the post is recruited to.",
                37m, Clocks.Today.AddDays(21), Clocks.Today.AddDays(21 + 7 * 12), 20m, 1, false),
            manager.Id, manager.Email, factory.Clock.GetUtcNow());
        requisition.Submit(manager.Email, factory.Clock.GetUtcNow());
        db.Add(requisition);
        await db.SaveChangesAsync();
        return requisition.Id;
    }

    private static async Task AddCandidateAsync(BrowserJourney journey, string email, string phone, string first = "Siobhán", string last = "O'Brien")
    {
        var page = journey.Page;
        await journey.GoAsync("/Agency/Candidates/New");
        await page.FillAsync("[name='Input.FirstName']", first);
        await page.FillAsync("[name='Input.LastName']", last);
        await page.FillAsync("[name='Input.Email']", email);
        await page.FillAsync("[name='Input.Phone']", phone);
        await page.FillAsync("[name='Input.Postcode']", "LU2 7AB");
        await Date(page, "Input.DateOfBirth", new DateOnly(1990, 2, 1));
        await page.SelectOptionAsync("[name='Input.JobFamily']", "Housing");
        await Date(page, "Input.RightToWorkCheckedOn", Clocks.Today.AddMonths(-3));
        await Date(page, "Input.DbsIssuedOn", Clocks.Today.AddMonths(-6));
        await page.SelectOptionAsync("[name='Input.DbsLevel']", "Basic");
        await page.FillAsync("[name='Input.DbsCertificateNumber']", "001234567890");
        await page.ClickAsync("main form button[type=submit]");
        await journey.ArrivedAsync();
        (await page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain("Candidate added");
    }

    private static async Task PutForwardAsync(BrowserJourney journey, int requisitionId, string candidate)
    {
        await journey.GoAsync($"/Agency/Vacancies/{requisitionId}");
        await journey.Page.SelectOptionAsync("#Input_WorkerId", new SelectOptionValue { Label = candidate });
        await journey.Page.ClickAsync("#put-forward button:has-text('Put forward')");
        await journey.ArrivedAsync();
    }

    private static async Task Date(IPage page, string field, DateOnly day)
    {
        await page.FillAsync($"[name='{field}.Day']", day.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"[name='{field}.Month']", day.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"[name='{field}.Year']", day.Year.ToString(CultureInfo.InvariantCulture));
    }
}
