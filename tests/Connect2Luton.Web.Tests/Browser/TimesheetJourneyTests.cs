using System.Globalization;
using System.Text.RegularExpressions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Connect2Luton.Web.Tests.Timesheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>
/// A week's timesheet in a real browser, from the worker's phone to the hiring manager's approval, and a week past
/// the AWR qualifying weeks held until a recruiter pays parity. Every page reached passes axe.
/// </summary>
public sealed partial class TimesheetJourneyTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    private const string Manager = "manager@connect2luton.local";
    private const string Password = "Timesheet-on-my-phone-2026";
    private static readonly DateOnly LastWeek = new(2026, 11, 16);

    [BrowserFact]
    public async Task A_worker_sends_their_week_from_their_phone_corrects_it_when_the_manager_queries_it_and_once_approved_it_is_locked()
    {
        // Booked from Monday 9 November at £30.00 an hour; last week's hours are the worker's to send.
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: -14);
        var email = await PlacementArrangement.QueryAsync(factory, db => db.Workers.Single(w => w.Id == arranged.WorkerId).Email);

        var recruiter = await BrowserJourney.StartAsync(factory, PlacementArrangement.Recruiter);
        await recruiter.GoAsync(arranged.BookingPath);
        await FillDateAsync(recruiter.Page, "Input.StartDate", arranged.Start);
        await recruiter.Page.FillAsync("#Input_PayRate", "30.00");
        await recruiter.Page.Locator("#pay-rate-check [data-outcome='Allowed']").WaitForAsync();
        await recruiter.Page.ClickAsync("#booking-form button[type=submit]");
        await recruiter.Page.WaitForURLAsync(PlacementPage(), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await recruiter.ArrivedAsync();
        var placementId = int.Parse(new Uri(recruiter.Page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        await recruiter.GoAsync($"/Workers/{arranged.WorkerId}");
        await recruiter.Page.ClickAsync("#give-sign-in");
        await recruiter.ArrivedAsync();
        var link = await recruiter.Page.Locator("#set-password-link").InputValueAsync();
        await recruiter.EndAsync("timesheet-sign-in-given");

        var worker = await BrowserJourney.SignedOutAsync(factory, phone: true);
        var phone = worker.Page;
        await worker.GoAsync(new Uri(link).PathAndQuery);
        await phone.FillAsync("#Input_Password", Password);
        await phone.FillAsync("#Input_Confirm", Password);
        await phone.ClickAsync("main form button[type=submit]");
        await worker.ArrivedAsync();
        await worker.SignInAsync(email, Password);
        new Uri(phone.Url).AbsolutePath.ShouldBe("/Me");
        (await phone.Locator("#owed").TextContentAsync()).ShouldNotBeNull().ShouldContain("Week of 16 November");
        await phone.ClickAsync($"#owed a[href='{MyWeek(placementId)}']");
        await worker.ArrivedAsync();
        (await Text(phone, "h1")).ShouldContain("week of 16 November 2026");
        (await Text(phone, "#status")).ShouldContain("No hours entered");
        (await FitsThePhoneAsync(phone)).ShouldBeTrue("the hours are entered without scrolling sideways");
        await phone.FillAsync(HoursField(LastWeek), "8");
        await phone.FillAsync(HoursField(LastWeek.AddDays(1)), "7.5");
        await phone.ClickAsync("#submit");
        await worker.ArrivedAsync();
        (await Text(phone, ".govuk-notification-banner--success")).ShouldContain("Timesheet sent for approval");
        (await Text(phone, "#status")).ShouldContain("Waiting for approval");
        (await Text(phone, "#total-hours")).ShouldBe("15.5");
        (await Text(phone, "#total-pay")).ShouldBe("£465.00", "15.5 hours at £30.00");
        (await phone.Locator("#lines th:has-text('Charge')").CountAsync()).ShouldBe(0, "a worker sees their pay, not what the council is charged");
        (await FitsThePhoneAsync(phone)).ShouldBeTrue("what the week came to is read without scrolling sideways");

        var manager = await BrowserJourney.StartAsync(factory, Manager);
        var desk = manager.Page;
        await manager.GoAsync("/Timesheets");
        var row = desk.Locator("#timesheets tbody tr").Filter(new LocatorFilterOptions { HasText = arranged.WorkerName });
        (await row.TextContentAsync()).ShouldNotBeNull().ShouldContain("Waiting for approval");
        await row.Locator("a").ClickAsync();
        await manager.ArrivedAsync();
        (await Text(desk, "#total-hours")).ShouldBe("15.5");
        await desk.FillAsync("#Input_Reason", "Tuesday: the team day finished at 4, so 6.5 hours");
        await desk.ClickAsync("#query-button");
        await manager.ArrivedAsync();
        (await Text(desk, ".govuk-notification-banner--success")).ShouldContain("Timesheet queried");
        (await Text(desk, "#status")).ShouldContain("Queried");

        await worker.GoAsync("/Me");
        (await phone.Locator("#timesheets li").Filter(new LocatorFilterOptions { HasText = "Week of 16 November 2026" }).TextContentAsync()).ShouldNotBeNull().ShouldContain("Queried");
        await phone.ClickAsync($"#timesheets a[href='{MyWeek(placementId)}']");
        await worker.ArrivedAsync();
        var query = await Text(phone, "#query-reason");
        query.ShouldContain("The hiring manager queried these hours");
        query.ShouldContain("Tuesday: the team day finished at 4, so 6.5 hours");
        (await phone.InputValueAsync(HoursField(LastWeek.AddDays(1)))).ShouldBe("7.5", "the hours sent are there to correct");
        await phone.FillAsync(HoursField(LastWeek.AddDays(1)), "6.5");
        await phone.ClickAsync("#submit");
        await worker.ArrivedAsync();
        (await Text(phone, "#status")).ShouldContain("Waiting for approval");
        (await Text(phone, "#total-pay")).ShouldBe("£435.00", "14.5 hours at £30.00");

        await manager.GoAsync("/Timesheets");
        await desk.Locator("#timesheets a").Filter(new LocatorFilterOptions { HasText = arranged.WorkerName }).ClickAsync();
        await manager.ArrivedAsync();
        (await Text(desk, "#total-hours")).ShouldBe("14.5");
        (await Text(desk, "#history")).ShouldContain("queried by");
        await desk.ClickAsync("#approve-button");
        await manager.ArrivedAsync();
        (await Text(desk, ".govuk-notification-banner--success")).ShouldContain("Timesheet approved");
        (await Text(desk, "#status")).ShouldContain("Approved");
        await manager.EndAsync("timesheet-approved");

        await worker.GoAsync("/Me");
        (await phone.Locator("#timesheets li").Filter(new LocatorFilterOptions { HasText = "Week of 16 November 2026" }).TextContentAsync()).ShouldNotBeNull().ShouldContain("Approved");
        await worker.GoAsync(MyWeek(placementId));
        (await Text(phone, "#status")).ShouldContain("Approved");
        (await Text(phone, "#total-pay")).ShouldBe("£435.00");
        (await phone.Locator("main input:not([type=hidden])").CountAsync()).ShouldBe(0, "an approved week is locked: no hours to type in");
        (await phone.Locator("#submit, #save").CountAsync()).ShouldBe(0);
        await worker.EndAsync("timesheet-approved-on-phone");

        var stored = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Single(t => t.PlacementId == placementId && t.WeekStart == LastWeek));
        (stored.Status, stored.EnteredAs, stored.Hours, stored.ApprovedBy).ShouldBe((TimesheetStatus.Approved, TimesheetEnteredAs.Worker, 14.5m, Manager));
    }

    [BrowserFact]
    public async Task A_week_past_the_AWR_qualifying_weeks_paid_below_parity_is_refused_approval_until_a_recruiter_applies_parity_on_its_page()
    {
        // Placed from 17 August at £19.00: parity (grade E, £20.23 an hour) is due from 9 November, and that week was
        // approved at £19.00 before anyone saw it was due.
        var arranged = await ParityArrangement.PlacedAsync(factory, 19.00m);
        await arranged.ApprovedAtOldRateAsync(factory, ParityArrangement.DueWeek, 19.00m);
        var week = $"/Timesheets/{arranged.PlacementId}/{LastWeek:yyyy-MM-dd}";

        var recruiter = await BrowserJourney.StartAsync(factory, PlacementArrangement.Recruiter);
        var office = recruiter.Page;
        await recruiter.GoAsync(week);
        await office.FillAsync(HoursField(LastWeek), "7.5");
        await office.ClickAsync("#submit");
        await recruiter.ArrivedAsync();
        (await Text(office, "#status")).ShouldContain("Waiting for approval");

        var manager = await BrowserJourney.StartAsync(factory, Manager);
        var desk = manager.Page;
        await manager.GoAsync("/Timesheets");
        await desk.Locator("#timesheets a").Filter(new LocatorFilterOptions { HasText = arranged.WorkerName }).ClickAsync();
        await manager.ArrivedAsync();
        var due = await Text(desk, "#parity-due");
        due.ShouldContain("From 9 November 2026");
        due.ShouldContain("due at least £20.23 an hour");
        due.ShouldContain("They are paid £19.00");
        (await desk.Locator("#apply-parity-button").CountAsync()).ShouldBe(0, "hiring managers do not change rates");
        await desk.ClickAsync("#approve-button");
        await manager.ArrivedAsync();
        var refused = await Text(desk, ".govuk-error-summary");
        refused.ShouldContain("This week cannot be approved");
        refused.ShouldContain("below £20.23, what the equivalent permanent post (grade E) pays an hour");
        (await Text(desk, "#status")).ShouldContain("Waiting for approval");
        (await StatusAsync(arranged.PlacementId)).ShouldBe(TimesheetStatus.Submitted);

        await recruiter.GoAsync(week);
        (await Text(office, "#apply-parity-button")).ShouldBe("Pay £20.23 an hour from 9 November 2026");
        await office.ClickAsync("#apply-parity-button");
        await recruiter.ArrivedAsync();
        (await Text(office, ".govuk-notification-banner--success")).ShouldContain("Pay parity applied");
        (await office.Locator("#parity-due").CountAsync()).ShouldBe(0);
        (await Text(office, "#total-pay")).ShouldBe("£151.73", "7.5 hours at £20.23");

        await manager.GoAsync(week);
        await desk.ClickAsync("#approve-button");
        await manager.ArrivedAsync();
        (await Text(desk, ".govuk-notification-banner--success")).ShouldContain("Timesheet approved");
        (await Text(desk, "#status")).ShouldContain("Approved");
        (await Text(desk, "#total-pay")).ShouldBe("£151.73");
        await manager.EndAsync("parity-approved");

        // The week approved at the old rate is owed the difference: £151.73 less the £142.50 paid.
        await recruiter.GoAsync("/Timesheets");
        await office.ClickAsync("#underpaid-link");
        await recruiter.ArrivedAsync();
        var owed = await Text(office, "#underpaid");
        owed.ShouldContain(arranged.WorkerName);
        owed.ShouldContain("9 Nov 2026");
        owed.ShouldContain("£9.23");
        await recruiter.EndAsync("parity-underpaid");

        (await StatusAsync(arranged.PlacementId)).ShouldBe(TimesheetStatus.Approved);
        var change = await PlacementArrangement.QueryAsync(factory, db => db.Set<PlacementRateChange>().AsNoTracking().Single(c => c.PlacementId == arranged.PlacementId));
        (change.EffectiveFrom, change.PreviousPayRate, change.NewPayRate).ShouldBe((ParityArrangement.DueWeek, 19.00m, 20.23m));
    }

    [GeneratedRegex(@"/Placements/\d+$")]
    private static partial Regex PlacementPage();

    private static async Task FillDateAsync(IPage page, string field, DateOnly day)
    {
        await page.FillAsync($"[name='{field}.Day']", day.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"[name='{field}.Month']", day.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"[name='{field}.Year']", day.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static Task<bool> FitsThePhoneAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    private static string MyWeek(int placementId) => $"/Me/Timesheets/{placementId}/{LastWeek:yyyy-MM-dd}";

    private static string HoursField(DateOnly day) => $"[name='Input.Hours[{day:yyyy-MM-dd}-Standard]']";

    private static async Task<string> Text(IPage page, string selector) => (await page.Locator(selector).TextContentAsync()).ShouldNotBeNull().Trim();

    private Task<TimesheetStatus> StatusAsync(int placementId) =>
        PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Single(t => t.PlacementId == placementId && t.WeekStart == LastWeek).Status);
}
