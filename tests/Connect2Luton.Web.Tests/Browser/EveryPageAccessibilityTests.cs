using System.Globalization;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>
/// Every page the app maps that needs no record to show it, opened as an admin, and every timesheet page, a worker's
/// own pages and the hiring organisations' pages opened on a record by the user they are for: none has an axe
/// violation of moderate impact or worse.
/// </summary>
public sealed class EveryPageAccessibilityTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    [BrowserFact]
    public async Task Every_signed_in_page_without_a_record_passes_axe_at_moderate_impact()
    {
        var pages = (await AppHandlers.AllAsync(factory.Services))
            .Where(h => h is { Method: "GET", Name: null, HasRouteValues: false } && !h.Template.StartsWith("/Account/SignOut", StringComparison.Ordinal)
                && h.Template is not "/Error" and not "/health")
            .Select(h => h.Template).Order(StringComparer.Ordinal).ToList();
        var (page, problems) = await factory.SignedInPageAsync("admin@connect2luton.local");
        var violations = new List<string>();

        foreach (var address in pages)
        {
            await page.GotoAsync(address);
            violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{address}: {v}"));
        }

        pages.Count.ShouldBeGreaterThan(15);
        violations.ShouldBeEmpty();
        // Some of these pages answer with their own status (the no-permission page is a 403): only script and CSP errors count.
        problems.Where(p => !p.StartsWith("Failed to load resource: the server responded with a status", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>The folders whose every page is opened below, on a record and as its user, rather than as an admin without one.</summary>
    private static readonly string[] RecordFolders = ["/Timesheets", "/Me", "/Admin/Organisations"];

    [BrowserFact]
    public async Task Every_timesheet_page_and_a_workers_own_pages_pass_axe_at_moderate_impact_opened_on_a_record_by_the_user_they_are_for()
    {
        var lastWeek = new DateOnly(2026, 11, 16);
        var (waiting, beingEntered, approved, organisation, workersPlacement, workersApproved) = await PlacementArrangement.QueryAsync(factory, db =>
        {
            var managersArea = db.HiringManagers.Single(m => m.Email == "manager@connect2luton.local").ServiceAreaId;
            var worker = db.Users.Single(u => u.Email == "worker@connect2luton.local").WorkerId.ShouldNotBeNull();
            var workersPlacement = db.Placements.Where(p => p.WorkerId == worker).OrderBy(p => p.Id).First().Id;
            return (
                Week(db.Timesheets.First(t => t.ServiceAreaId == managersArea && t.Status == TimesheetStatus.Submitted)),
                Week(db.Timesheets.First(t => t.Status == TimesheetStatus.Queried || t.Status == TimesheetStatus.Draft)),
                Week(db.Timesheets.First(t => t.Status == TimesheetStatus.Approved)),
                db.HiringOrganisations.OrderBy(o => o.Id).First().Id,
                workersPlacement,
                db.Timesheets.First(t => t.PlacementId == workersPlacement && t.Status == TimesheetStatus.Approved).WeekStart);
        });
        var visits = new (string User, bool Phone, string[] Addresses)[]
        {
            // The hiring manager's queue, with the boxes to tick, and a week waiting for them, with its approve and query forms.
            ("manager@connect2luton.local", false, ["/Timesheets", $"/Timesheets/{waiting}", "/Timesheets/Missing", "/Timesheets/Underpaid"]),
            // A recruiter's every status, a week's hours being entered and an approved week to correct.
            (PlacementArrangement.Recruiter, false, ["/Timesheets", $"/Timesheets/{beingEntered}", $"/Timesheets/{approved}", "/Timesheets/Missing", "/Timesheets/Underpaid"]),
            // The demo worker, on their phone: their week still to send and a week approved.
            ("worker@connect2luton.local", true, ["/Me", $"/Me/Timesheets/{workersPlacement}/{lastWeek:yyyy-MM-dd}", $"/Me/Timesheets/{workersPlacement}/{workersApproved:yyyy-MM-dd}", "/Me/Details"]),
            ("admin@connect2luton.local", false, ["/Admin/Organisations", "/Admin/Organisations/New", $"/Admin/Organisations/{organisation}"]),
        };
        var templates = (await AppHandlers.AllAsync(factory.Services))
            .Where(h => h is { Method: "GET", Name: null } && RecordFolders.Any(f => h.Template == f || h.Template.StartsWith(f + "/", StringComparison.Ordinal)))
            .Select(h => h.Template).Distinct().ToList();
        templates.Count.ShouldBeGreaterThanOrEqualTo(10);
        templates.Where(t => !visits.SelectMany(v => v.Addresses).Any(a => Matches(t, a))).ShouldBeEmpty("every page in these folders is opened below");

        var violations = new List<string>();
        foreach (var (user, phone, addresses) in visits)
        {
            var (page, problems) = await factory.NewPageAsync(phone);
            await ChromiumFactory.SignInAsync(page, user);
            foreach (var address in addresses)
            {
                var response = await page.GotoAsync(address);
                response.ShouldNotBeNull().Status.ShouldBe(200, $"{address} as {user}");
                violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{address} as {user}: {v}"));
            }
            problems.ShouldBeEmpty($"no script errors and nothing refused by the content security policy, as {user}");
            await page.Context.CloseAsync();
        }
        violations.ShouldBeEmpty();
    }

    private static string Week(Timesheet timesheet) => $"{timesheet.PlacementId}/{timesheet.WeekStart:yyyy-MM-dd}";

    /// <summary>Whether an address is one of a route template's: its literal segments the same, an int where the template says so.</summary>
    private static bool Matches(string template, string address)
    {
        var wanted = template.Split('/');
        var given = address.Split('?')[0].Split('/');
        return wanted.Length == given.Length && wanted.Zip(given).All(p =>
            !p.First.StartsWith('{') ? string.Equals(p.First, p.Second, StringComparison.Ordinal)
            : !p.First.Contains(":int", StringComparison.Ordinal) || int.TryParse(p.Second, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    /// <summary>The admin above is refused the agency portal, so its timesheet pages are opened as the demo agency's staff: the list, a week owed, and that week with its hours refused.</summary>
    [BrowserFact]
    public async Task The_agency_portals_timesheet_pages_pass_axe_at_moderate_impact_with_and_without_errors()
    {
        var (page, problems) = await factory.SignedInPageAsync(Infrastructure.Identity.IdentitySeeder.DemoAgencyStaff[0].Email);
        var violations = new List<string>();

        await page.GotoAsync("/Agency/Timesheets");
        violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"/Agency/Timesheets: {v}"));
        var week = await page.Locator("#owed a").First.GetAttributeAsync("href");
        week.ShouldNotBeNull("the demo agency owes some week");
        await page.GotoAsync(week);
        violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{week}: {v}"));
        await page.Locator("#hours input.govuk-input").First.FillAsync("25");
        await page.ClickAsync("#submit");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{week}, refused: {v}"));

        violations.ShouldBeEmpty();
        problems.ShouldBeEmpty();
    }
}
