using System.Text.RegularExpressions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>A council's first day: Production, an empty database, and only the first admin from configuration.</summary>
public sealed class GoingLiveFactory : ChromiumFactory
{
    public const string FirstAdmin = "it.admin@luton.gov.example";
    public const string FirstPassword = "A-long-first-password-2026";

    protected override string Environment => "Production";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Database:SeedDemoData", "false"),
        new("Identity:BootstrapAdmin:Email", FirstAdmin),
        new("Identity:BootstrapAdmin:Password", FirstPassword),
        new("Authentication:RequireTwoFactor", "true"),
    ];
}

/// <summary>
/// Going live through the pages alone, in a real browser, with no SQL: the first admin signs in, turns on two-factor
/// sign-in, sets up a service, a job role, an agency and the people (a hiring manager, a recruiter, a policy officer),
/// brings in 50 workers and 20 live placements from CSV (a bad row shown, corrected and imported), and then the
/// hiring manager raises a requisition, the admin approves it and the recruiter books a worker against it. Every page
/// passes axe, with no script error or CSP refusal.
/// </summary>
public sealed partial class GoingLiveTests(GoingLiveFactory factory) : IClassFixture<GoingLiveFactory>, IDisposable
{
    private const string Service = "Adult Social Care";
    private const string Role = "Social Worker (Adults)";
    private const string Agency = "Connect2Luton pool";
    private const string Manager = "tanya.moss@luton.gov.example";
    private const string Recruiter = "rob.reid@luton.gov.example";
    private const string Officer = "pat.okoro@luton.gov.example";

    private readonly string _folder = Directory.CreateTempSubdirectory("connect2luton-golive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [BrowserFact]
    public async Task A_council_goes_live_from_an_empty_database_through_the_pages_alone_to_its_first_booking()
    {
        var admin = await SignInAsync(GoingLiveFactory.FirstAdmin, GoingLiveFactory.FirstPassword);
        var page = admin.Page;

        // Two-factor sign-in is required of admins: every page sends them to set it up first.
        await admin.GoAsync("/Admin");
        new Uri(page.Url).AbsolutePath.ShouldBe("/Account/TwoFactor");
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Trim();
        await page.FillAsync("#Code", Authenticator.Code(key, factory.Clock.GetUtcNow()));
        await page.FillAsync("#Password", GoingLiveFactory.FirstPassword);
        await page.ClickAsync("main form button:has-text('Turn on')");
        await admin.ArrivedAsync();
        (await page.Locator("#recovery-codes li").CountAsync()).ShouldBe(10);

        await admin.GoAsync("/Admin/ServiceAreas/New");
        await page.FillAsync("#Input_Code", "ASC");
        await page.FillAsync("#Input_Name", Service);
        await page.FillAsync("#Input_Directorate", "Adults, Health and Housing");
        await page.FillAsync("#Input_EstablishmentFte", "120");
        await SaveAsync(admin);
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain(Service);

        await admin.GoAsync("/Admin/JobRoles/New");
        await page.FillAsync("#Input_Title", Role);
        await page.SelectOptionAsync("#Input_JobFamily", "SocialCare");
        await page.FillAsync("#Input_NjcGrade", "E");
        await page.FillAsync("#Input_SalaryMinimum", "£39,027");
        await page.FillAsync("#Input_SalaryMaximum", "£44,463");
        await page.SelectOptionAsync("#Input_RequiredRegistration", "SocialWorkEngland");
        await SaveAsync(admin);
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain(Role);

        await admin.GoAsync("/Admin/SupplyAgencies/New");
        await page.FillAsync("#Input_Name", Agency);
        await page.SelectOptionAsync("#Input_Kind", "InHousePool");
        await page.FillAsync("#Input_MarginPercent", "8%");
        await page.CheckAsync("#Input_IsLocal");
        await SaveAsync(admin);
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("8.00%");

        var managerLink = await CreateAccountAsync(admin, Manager, "Tanya Moss", "HiringManager", Service);
        var recruiterLink = await CreateAccountAsync(admin, Recruiter, "Rob Reid", "Recruiter", null);
        await CreateAccountAsync(admin, Officer, "Pat Okoro", "PolicyOfficer", null);
        (await admin.Page.GotoAsync("/Admin/HiringManagers"))!.Ok.ShouldBeTrue();
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("Tanya Moss");

        // Fifty workers, one with a postcode that is not one: the preview shows it, the corrected file imports all.
        var workers = ImportFiles.Workers(50, Agency, Clocks.Today, seed: 2027);
        var wrong = workers.Select(r => new Dictionary<string, string>(r)).ToList();
        wrong[7]["Postcode"] = "Luton";
        await ImportAsync(admin, "Workers", ImportFiles.WorkersFile(wrong), ImportFiles.WorkersFile(workers), "Enter a full UK postcode", "Import 50 workers", "50 workers added");

        // Twenty of them in post already, one with a pay rate over the grade's cap and no sign-off recorded.
        var placements = workers.Take(20).Select((w, i) => ImportFiles.Placement($"P-{i:000}", w["External reference"], "ASC", Role, Manager, i == 5 ? 38m : 30m, Clocks.Today)).ToList();
        var wrongPlacements = placements.Select(r => new Dictionary<string, string>(r)).ToList();
        wrongPlacements[3]["Service area"] = "XYZ";
        await ImportAsync(admin, "Placements", ImportFiles.PlacementsFile(wrongPlacements), ImportFiles.PlacementsFile(placements), "XYZ", "Import 20 placements", "20 placements added, 1 waiting for sign-off");
        await admin.EndAsync("going-live-admin");

        // The hiring manager sets their password with the admin's link, and raises and submits a requisition.
        var manager = await SetPasswordAndSignInAsync(managerLink, Manager);
        await manager.GoAsync("/Requisitions/New");
        var mp = manager.Page;
        await mp.SelectOptionAsync("#Input_JobRoleId", new SelectOptionValue { Label = $"{Role} (social care)" });
        await mp.FillAsync("[name='Input.Title']", "Social Worker, hospital discharge team");
        await mp.SelectOptionAsync("[name='Input.Reason']", new SelectOptionValue { Value = nameof(RequisitionReason.VacancyCover) });
        await FillDateAsync(mp, "Input.StartDate", Clocks.Today.AddDays(21));
        await FillDateAsync(mp, "Input.EndDate", Clocks.Today.AddDays(21 + 26 * 7 - 1));
        await mp.FillAsync("[name='Input.WeeklyHours']", "37");
        await mp.FillAsync("[name='Input.MaximumPayRate']", "34.00");
        await mp.FillAsync("[name='Input.Positions']", "1");
        await mp.ClickAsync("main form button[type=submit]");
        await mp.WaitForURLAsync(RequisitionPage());
        await manager.ArrivedAsync();
        await mp.ClickAsync("#actions button:has-text('Submit for approval')");
        await manager.ArrivedAsync();
        var requisition = new Uri(mp.Url).AbsolutePath;
        await manager.EndAsync("going-live-manager");

        await admin.GoAsync(requisition);
        await page.ClickAsync("#actions button:has-text('Approve')");
        await admin.ArrivedAsync();
        (await page.Locator("#status").TextContentAsync()).ShouldNotBeNull().ShouldContain("Approved");

        // The recruiter shortlists one of the workers brought in (not one already in post) and books them.
        var recruiter = await SetPasswordAndSignInAsync(recruiterLink, Recruiter);
        var rp = recruiter.Page;
        await recruiter.GoAsync(requisition);
        await rp.ClickAsync("#actions button:has-text('Open for recruitment')");
        await recruiter.ArrivedAsync();
        await recruiter.GoAsync($"{requisition}/Shortlist");
        (await rp.Locator("#candidates tbody tr button:has-text('Add')").CountAsync()).ShouldBeGreaterThan(0, await rp.Locator("main").InnerTextAsync());
        var candidate = rp.Locator("#candidates tbody tr").Filter(new LocatorFilterOptions { Has = rp.Locator("button:has-text('Add')") }).First;
        var name = (await candidate.Locator("td a").First.TextContentAsync())!.Trim();
        await candidate.Locator("button:has-text('Add')").ClickAsync();
        await recruiter.ArrivedAsync();
        await rp.Locator("#shortlist a:has-text('Book')").First.ClickAsync();
        await recruiter.ArrivedAsync();
        await rp.FillAsync("#Input_PayRate", "33.00");
        await rp.Locator("#pay-rate-check [data-outcome='Allowed']").WaitForAsync();
        await rp.ClickAsync("#booking-form button[type=submit]");
        await rp.WaitForURLAsync(PlacementPage());
        await recruiter.ArrivedAsync();
        (await rp.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain($"{name} is booked");
        await recruiter.EndAsync("going-live-recruiter");
    }

    private async Task<BrowserJourney> SignInAsync(string email, string password) => await BrowserJourney.StartAsync(factory, email, password);

    private static async Task SaveAsync(BrowserJourney journey)
    {
        await journey.Page.ClickAsync("main form button[type=submit]");
        await journey.ArrivedAsync();
        (await journey.Page.Locator(".govuk-error-summary").CountAsync()).ShouldBe(0, await journey.Page.Locator("main").TextContentAsync());
    }

    /// <summary>An account made at /Admin/Users/New, and the link its holder sets a password with.</summary>
    private static async Task<string> CreateAccountAsync(BrowserJourney admin, string email, string name, string role, string? service)
    {
        var page = admin.Page;
        await admin.GoAsync("/Admin/Users/New");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Name", name);
        await page.CheckAsync($"input[name='Input.Roles'][value='{role}']");
        if (service is not null) await page.SelectOptionAsync("#Input_ServiceAreaId", new SelectOptionValue { Label = service });
        await SaveAsync(admin);
        await page.ClickAsync("#account-actions button:has-text('Make a link to set a password')");
        await admin.ArrivedAsync();
        return (await page.Locator("#reset-link-address").InputValueAsync()).Trim();
    }

    private async Task<BrowserJourney> SetPasswordAndSignInAsync(string link, string email)
    {
        const string Password = "Luton-first-day-2026!";
        var context = await factory.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = factory.ServerAddress.ToString(), Locale = "en-GB" });
        var setting = await context.NewPageAsync();
        await setting.GotoAsync(new Uri(link).PathAndQuery);
        await setting.FillAsync("#Input_Password", Password);
        await setting.FillAsync("#Input_Confirm", Password);
        await setting.ClickAsync("main form button[type=submit]");
        await setting.WaitForURLAsync(url => !url.Contains("/Account/ResetPassword", StringComparison.Ordinal));
        await context.CloseAsync();
        return await SignInAsync(email, Password);
    }

    private async Task ImportAsync(BrowserJourney admin, string what, byte[] wrong, byte[] right, string problem, string button, string done)
    {
        var page = admin.Page;
        await admin.GoAsync("/Admin/Import");
        await page.ClickAsync($"#imports a[href='/Admin/Import/{what}']");
        await admin.ArrivedAsync();
        await page.SetInputFilesAsync("#File", Saved($"{what}-wrong.csv", wrong));
        await page.ClickAsync("main form button:has-text(\"Check the file\")");
        await admin.ArrivedAsync();
        (await page.Locator("#problems tbody").TextContentAsync()).ShouldNotBeNull().ShouldContain(problem);
        await page.ClickAsync("text=Upload another file");
        await admin.ArrivedAsync();
        await page.SetInputFilesAsync("#File", Saved($"{what}.csv", right));
        await page.ClickAsync("main form button:has-text(\"Check the file\")");
        await admin.ArrivedAsync();
        (await page.Locator("#import").TextContentAsync()).ShouldNotBeNull().Trim().ShouldBe(button);
        await page.ClickAsync("#import");
        await admin.ArrivedAsync();
        (await page.Locator("#imported").TextContentAsync()).ShouldNotBeNull().ShouldContain(done);
    }

    private string Saved(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static async Task FillDateAsync(IPage page, string field, DateOnly day)
    {
        await page.FillAsync($"[name='{field}.Day']", day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync($"[name='{field}.Month']", day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync($"[name='{field}.Year']", day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"/Requisitions/\d+$")]
    private static partial Regex RequisitionPage();

    [GeneratedRegex(@"/Placements/\d+$")]
    private static partial Regex PlacementPage();
}
