using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Timesheets;

public sealed class TimesheetTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Manager = "manager@connect2luton.local";

    // Clocks.Today is Monday 23 November 2026: the placements here started on Monday 9 November.
    private static readonly DateOnly LastWeek = new(2026, 11, 16);

    private static string Field(DateOnly day, TimesheetLineType type = TimesheetLineType.Standard) => $"Input.Hours[{day:yyyy-MM-dd}-{type}]";

    private static string Id(DateOnly day, TimesheetLineType type = TimesheetLineType.Standard) => $"#Input_Hours_{day:yyyy-MM-dd}-{type}_";

    private static Dictionary<string, string> Week(params (int Day, string Hours)[] days) =>
        days.ToDictionary(d => Field(LastWeek.AddDays(d.Day)), d => d.Hours);

    private async Task<(int PlacementId, string WeekPath)> LivePlacementAsync(HttpClient recruiter)
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: -14);
        var placement = await arranged.BookAsync(recruiter);
        var id = int.Parse(placement.Split('/')[^1]);
        return (id, $"/Timesheets/{id}/{LastWeek:yyyy-MM-dd}");
    }

    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, string path, string handler, Dictionary<string, string>? fields = null) =>
        await client.PressAsync(await client.GetPageAsync(path), handler, fields);

    private static async Task<IDocument> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetPageAsync(response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_week_sent_queried_corrected_and_approved_is_locked_and_a_correction_replaces_it_through_reversed_lines()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var manager = await factory.SignedInAsAsync(Manager);
        var (placementId, week) = await LivePlacementAsync(recruiter);

        var sent = await FollowAsync(recruiter, await PressAsync(recruiter, week, "Submit", Week((0, "7.5"), (1, "7:30"), (2, "8"))));
        sent.Text("#done").ShouldContain("Timesheet sent for approval");
        sent.Text("#status").ShouldContain("Waiting for approval");
        sent.Text("#total-pay").ShouldBe("£690.00", "23 hours at £30.00");

        var queue = await manager.GetPageAsync("/Timesheets");
        queue.Text("#timesheets").ShouldContain("Waiting for approval");
        var queried = await FollowAsync(manager, await PressAsync(manager, week, "Query", new() { ["Input.Reason"] = "Wednesday was a training day: 7.5 hours" }));
        queried.Text("#status").ShouldContain("Queried");

        var back = await recruiter.GetPageAsync(week);
        back.Text("#query-reason").ShouldContain("Wednesday was a training day: 7.5 hours");
        back.QuerySelector(Id(LastWeek.AddDays(2)))!.GetAttribute("value").ShouldBe("8");
        await FollowAsync(recruiter, await recruiter.PressAsync(back, "Submit", Week((0, "7.5"), (1, "7.5"), (2, "7.5"))));
        var approved = await FollowAsync(manager, await PressAsync(manager, week, "Approve"));
        approved.Text("#status").ShouldContain("Approved");
        approved.Text("#total-pay").ShouldBe("£675.00");
        // Each step is said with the name of whoever took it, never their email.
        var managerName = await PlacementArrangement.QueryAsync(factory, db => db.Users.Single(u => u.UserName == Manager).DisplayName);
        approved.Text("#history").ShouldContain($"queried by {managerName}: Wednesday was a training day");
        approved.Text("#history").ShouldContain("sent for approval by Amira Hussain");
        approved.Text("#history").ShouldNotContain("@");

        // Locked: the hours cannot be saved over, however the request is made.
        var locked = await recruiter.GetPageAsync(week);
        locked.QuerySelector("#hours").ShouldBeNull();
        var forged = await recruiter.SubmitAsync(locked, new Dictionary<string, string>(Week((0, "12"))) { ["TimesheetId"] = TimesheetOf(placementId).Id.ToString(), ["Version"] = "0" }, $"{week}?handler=Save");
        (await Browsing.ParseAsync(forged)).Text(".govuk-error-summary").ShouldContain("approved");
        TimesheetOf(placementId).Hours.ShouldBe(22.5m);

        var correcting = await FollowAsync(recruiter, await recruiter.PressAsync(locked, "Adjust"));
        correcting.Text("#status").ShouldContain("a correction to the hours approved before");
        correcting.QuerySelector(Id(LastWeek))!.GetAttribute("value").ShouldBe("7.5");
        await FollowAsync(recruiter, await recruiter.PressAsync(correcting, "Submit", Week((0, "7.5"), (1, "7.5"), (2, "7.5"), (3, "4"))));
        var corrected = await FollowAsync(manager, await PressAsync(manager, week, "Approve"));
        corrected.Text("#total-pay").ShouldBe("£120.00", "the correction adds 4 hours at £30.00 once the approved hours are taken back");
        corrected.Text("#earlier").ShouldContain($"22.5 hours approved by {managerName}");

        var sheets = TimesheetsOf(placementId);
        sheets.Select(t => t.Sequence).ShouldBe([0, 1]);
        sheets.SelectMany(t => t.Lines).Sum(l => l.Hours).ShouldBe(26.5m);
        sheets.SelectMany(t => t.Lines).Sum(l => l.Pay).ShouldBe(795m);
        sheets[0].Lines.Sum(l => l.Pay).ShouldBe(675m, "what was approved first is kept as it was");
    }

    [Fact]
    public async Task Hours_that_fail_a_check_are_refused_at_their_field_and_nothing_is_saved()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var (placementId, week) = await LivePlacementAsync(recruiter);
        var form = await recruiter.GetPageAsync(week);

        var refused = await Browsing.ParseAsync(await recruiter.PressAsync(form, "Save", Week((0, "7,5"), (1, "25"), (2, "7.4"), (3, "-2"))));
        refused.Text($"{Id(LastWeek)}-error").ShouldBe("Error: Enter hours as a number, like 7.5, or as hours and minutes, like 7:30");
        refused.Text($"{Id(LastWeek.AddDays(1))}-error").ShouldContain("No more than 24 hours can be worked in a day");
        refused.Text($"{Id(LastWeek.AddDays(2))}-error").ShouldContain("Enter hours to the quarter hour");
        refused.QuerySelector(Id(LastWeek))!.GetAttribute("value").ShouldBe("7,5", "what was typed comes back to be corrected");

        var tooLong = await Browsing.ParseAsync(await recruiter.PressAsync(form, "Save", Week((0, "12"), (1, "12"), (2, "12"), (3, "12"), (4, "1"))));
        tooLong.Text("#Input_Week").ShouldContain("49 hours is over the Working Time Regulations' limit of 48 hours a week, and no opt-out of it is recorded");
        // Recorded on the worker's page, a signed opt-out lets the week through.
        var workerId = await PlacementArrangement.QueryAsync(factory, db => db.Placements.Single(p => p.Id == placementId).WorkerId);
        var record = await recruiter.GetPageAsync($"/Workers/{workerId}");
        var notYet = await Browsing.ParseAsync(await recruiter.SubmitAsync(record, new Dictionary<string, string>
            { ["OptOut.SignedOn.Day"] = "1", ["OptOut.SignedOn.Month"] = "12", ["OptOut.SignedOn.Year"] = "2026" }, $"/Workers/{workerId}?handler=OptOut"));
        notYet.Text("#OptOut_SignedOn-error").ShouldContain("today or earlier");
        (await recruiter.SubmitAsync(record, new Dictionary<string, string>
            { ["OptOut.SignedOn.Day"] = "2", ["OptOut.SignedOn.Month"] = "11", ["OptOut.SignedOn.Year"] = "2026" }, $"/Workers/{workerId}?handler=OptOut")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await recruiter.GetPageAsync($"/Workers/{workerId}")).Text("#working-time").ShouldContain("signed an opt-out of the 48-hour weekly limit on 2 November 2026");
        var optedOut = await recruiter.PressAsync(await recruiter.GetPageAsync(week), "Save", Week((0, "12"), (1, "12"), (2, "12"), (3, "12"), (4, "1")));
        optedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the opt-out was signed before the week");
        await ClearAsync(placementId);

        // The week before the placement started has no form to enter hours in; posted anyway, they are refused.
        var early = await recruiter.GetPageAsync($"/Timesheets/{placementId}/2026-11-02");
        early.QuerySelector("#hours").ShouldBeNull();
        early.Text("#not-running").ShouldBe("The placement did not run in the week of 2 November 2026, so there are no hours to enter for it.");
        var beforeStart = await Browsing.ParseAsync(await recruiter.SubmitAsync(early,
            new Dictionary<string, string> { [Field(new DateOnly(2026, 11, 6))] = "7" }, $"/Timesheets/{placementId}/2026-11-02?handler=Save"));
        beforeStart.Text(".govuk-error-summary").ShouldContain("it has no hours in the week of Monday 2 November 2026");

        var future = await recruiter.GetPageAsync($"/Timesheets/{placementId}/2026-11-30");
        future.QuerySelector("#hours").ShouldBeNull("a week not started has no form either");
        future.Text("#not-started").ShouldBe("The week of 30 November 2026 has not started yet: its hours can be entered from Monday 30 November.");
        var notStarted = await recruiter.SubmitAsync(future, Week(), $"/Timesheets/{placementId}/2026-11-30?handler=Save");
        (await Browsing.ParseAsync(notStarted)).Text(".govuk-error-summary").ShouldContain("a week that has not started yet");
        (await recruiter.GetAsync($"/Timesheets/{placementId}/2026-11-17")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a week starts on a Monday");
        (await recruiter.GetAsync($"/Timesheets/{placementId}/not-a-day")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        TimesheetsOf(placementId).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_day_typed_as_24_01_is_refused_once_at_its_field_and_once_in_the_summary_quoting_what_was_typed()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var (placementId, week) = await LivePlacementAsync(recruiter);

        var refused = await Browsing.ParseAsync(await PressAsync(recruiter, week, "Save", Week((0, "24:01"), (1, "7.4"))));
        const string overADay = "No more than 24 hours can be worked in a day, and this is 24 hours 1 minute";
        refused.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())
            .ShouldBe([overADay, "Enter hours to the quarter hour, like 7.5 or 7.25"]);
        refused.QuerySelectorAll("#hours .govuk-error-message").Select(p => p.TextContent.Trim())
            .ShouldBe([$"Error: {overADay}", "Error: Enter hours to the quarter hour, like 7.5 or 7.25"]);
        refused.Body!.TextContent.ShouldNotContain("24.02");
        refused.QuerySelector(Id(LastWeek))!.GetAttribute("value").ShouldBe("24:01", "what was typed comes back to be corrected");
        TimesheetsOf(placementId).ShouldBeEmpty();
    }

    /// <summary>Takes out a week saved in the middle of a test that goes on to show nothing else is saved.</summary>
    private async Task ClearAsync(int placementId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Timesheets.RemoveRange(await db.Timesheets.Where(t => t.PlacementId == placementId).ToListAsync());
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Only_the_services_hiring_managers_approve_and_nobody_else_reaches_the_week()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var (placementId, week) = await LivePlacementAsync(recruiter);
        await FollowAsync(recruiter, await PressAsync(recruiter, week, "Submit", Week((0, "7.5"))));

        var page = await recruiter.GetPageAsync(week);
        page.QuerySelector("#approve").ShouldBeNull("recruiters do not approve what they enter");
        var forged = await recruiter.SubmitAsync(page, new Dictionary<string, string> { ["Version"] = TimesheetOf(placementId).Version.ToString() }, $"{week}?handler=Approve");
        forged.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        var otherService = await ManagerOfAnotherServiceAsync();
        (await otherService.GetAsync(week)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var agency = await factory.SignedInAsAsync("agency@connect2luton.local");
        (await agency.GetAsync(week)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await agency.GetAsync("/Timesheets")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        TimesheetOf(placementId).Status.ShouldBe(TimesheetStatus.Submitted);
    }

    [Fact]
    public async Task A_manager_acting_on_an_old_page_never_approves_a_correction_they_have_not_seen_nor_hours_past_the_placements_end()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var manager = await factory.SignedInAsAsync(Manager);
        var (placementId, week) = await LivePlacementAsync(recruiter);
        await FollowAsync(recruiter, await PressAsync(recruiter, week, "Submit", Week((0, "7.5"))));
        var stale = await manager.GetPageAsync(week);
        await FollowAsync(manager, await PressAsync(manager, week, "Approve"));
        await FollowAsync(recruiter, await PressAsync(recruiter, week, "Adjust"));
        await FollowAsync(recruiter, await PressAsync(recruiter, week, "Submit", Week((0, "7.5"), (1, "12"))));

        // The old page's approve button names the first timesheet: the correction waits for a manager who has seen it.
        var refused = await Browsing.ParseAsync(await manager.PressAsync(stale, "Approve"));
        refused.Text(".govuk-error-summary").ShouldContain("changed since you opened the page");
        TimesheetsOf(placementId).Select(t => t.Status).ShouldBe([TimesheetStatus.Approved, TimesheetStatus.Submitted]);
        // The page now shows the correction, and its button approves what it shows.
        refused.Text("#status").ShouldContain("a correction to the hours approved before");
        (await FollowAsync(manager, await manager.PressAsync(refused, "Approve"))).Text("#status").ShouldContain("Approved");
        TimesheetsOf(placementId).Select(t => t.Status).ShouldBe([TimesheetStatus.Approved, TimesheetStatus.Approved]);

        // The placement ends on the Tuesday of a week whose Wednesday hours were sent: they are not approved.
        var (endsEarly, endsWeek) = await LivePlacementAsync(recruiter);
        await FollowAsync(recruiter, await PressAsync(recruiter, endsWeek, "Submit", Week((0, "7.5"), (2, "7.5"))));
        var end = await recruiter.GetPageAsync($"/Placements/{endsEarly}/End");
        (await recruiter.SubmitAsync(end, new Dictionary<string, string>
        {
            ["Input.LastDay.Day"] = "17", ["Input.LastDay.Month"] = "11", ["Input.LastDay.Year"] = "2026", ["Input.Reason"] = "Left for a permanent post elsewhere",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var notApproved = await Browsing.ParseAsync(await PressAsync(manager, endsWeek, "Approve"));
        notApproved.Text(".govuk-error-summary").ShouldContain("It has hours on Wednesday 18 November 2026, but the placement now runs from Monday 9 November 2026 to Tuesday 17 November 2026");
        TimesheetOf(endsEarly).Status.ShouldBe(TimesheetStatus.Submitted);
    }

    [Fact]
    public async Task Hours_saved_over_someone_elses_change_are_refused_and_the_week_is_shown_as_they_saved_it_to_save_again()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var (placementId, week) = await LivePlacementAsync(recruiter);
        await FollowAsync(recruiter, await PressAsync(recruiter, week, "Save", Week((0, "7.5"))));
        var opened = await recruiter.GetPageAsync(week);
        await FollowAsync(admin, await PressAsync(admin, week, "Save", Week((0, "7.5"), (1, "8"))));

        var refused = await Browsing.ParseAsync(await recruiter.PressAsync(opened, "Submit", Week((0, "6"))));
        refused.Text(".govuk-error-summary").ShouldContain("Someone else changed this week's hours after you opened the page, so the hours you entered have not been saved");
        var saved = TimesheetOf(placementId);
        (saved.Status, saved.Hours).ShouldBe((TimesheetStatus.Draft, 15.5m), "the other person's save stands");
        refused.QuerySelector(Id(LastWeek))!.GetAttribute("value").ShouldBe("7.5", "the week is shown as they saved it");
        refused.QuerySelector(Id(LastWeek.AddDays(1)))!.GetAttribute("value").ShouldBe("8");
        refused.QuerySelector("#hours input[name=Version]")!.GetAttribute("value").ShouldBe(saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Looked at, the week is sent from that page, as the user now means it.
        var adminsPage = await admin.GetPageAsync(week);
        var sent = await FollowAsync(recruiter, await recruiter.PressAsync(refused, "Submit", Week((0, "6"), (1, "8"))));
        sent.Text("#status").ShouldContain("Waiting for approval");
        (TimesheetOf(placementId).Status, TimesheetOf(placementId).Hours).ShouldBe((TimesheetStatus.Submitted, 14m));

        // Sent meanwhile, the week is shown as sent, with nothing to type over it.
        var late = await Browsing.ParseAsync(await admin.PressAsync(adminsPage, "Save", Week((0, "9"))));
        late.Text(".govuk-error-summary").ShouldContain("sent this week's hours for approval after you opened the page");
        late.QuerySelector("#hours").ShouldBeNull();
        TimesheetOf(placementId).Hours.ShouldBe(14m);
    }

    [Fact]
    public async Task A_week_with_no_hours_is_sent_only_when_said_so_and_reaches_the_manager_as_a_nil_return_that_counts_as_sent()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var manager = await factory.SignedInAsAsync(Manager);
        var (placementId, week) = await LivePlacementAsync(recruiter);
        var form = await recruiter.GetPageAsync(week);
        form.Text("label[for=Input_NoHoursWorked]").ShouldBe("No hours were worked this week");

        var unsaid = await Browsing.ParseAsync(await recruiter.PressAsync(form, "Submit"));
        unsaid.Text("#Input_NoHoursWorked-error").ShouldBe("Error: Enter the hours worked, or tick the box to say no hours were worked this week");
        unsaid.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ShouldBe(["#Input_NoHoursWorked"]);
        var both = await Browsing.ParseAsync(await recruiter.PressAsync(form, "Submit", new Dictionary<string, string>(Week((0, "7.5"))) { ["Input.NoHoursWorked"] = "true" }));
        both.Text("#Input_NoHoursWorked-error").ShouldContain("You have entered hours for this week: untick the box, or clear the hours if none were worked");
        TimesheetsOf(placementId).ShouldBeEmpty();
        var missing = $"#missing a[href='{week}']";
        (await manager.GetPageAsync("/Timesheets/Missing")).QuerySelector(missing).ShouldNotBeNull();

        var sent = await FollowAsync(recruiter, await recruiter.PressAsync(form, "Submit", new Dictionary<string, string> { ["Input.NoHoursWorked"] = "true" }));
        sent.Text("#status").ShouldContain("Waiting for approval");
        (await manager.GetPageAsync("/Timesheets/Missing")).QuerySelector(missing).ShouldBeNull("a nil return is sent");
        var queue = await manager.GetPageAsync("/Timesheets");
        queue.QuerySelector($"#timesheets a[href='{week}']")!.Closest("tr")!.TextContent.ShouldContain("None worked");
        var waiting = await manager.GetPageAsync(week);
        waiting.Text("#nil-return").ShouldStartWith("Sent as a nil return: whoever sent it said no hours were worked this week");
        waiting.Text("#total-hours").ShouldBe("None");
        waiting.Text("#history").ShouldContain("sent for approval by Amira Hussain: no hours were worked this week");

        var approved = await FollowAsync(manager, await manager.PressAsync(waiting, "Approve"));
        approved.Text("#nil-return").ShouldStartWith("Approved as a nil return");
        var timesheet = TimesheetOf(placementId);
        (timesheet.Status, timesheet.Hours, timesheet.Charge, timesheet.Lines.Count).ShouldBe((TimesheetStatus.Approved, 0m, 0m, 0));
    }

    [Fact]
    public async Task A_nil_return_for_a_week_not_over_is_refused_at_the_box_and_nothing_is_sent()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var (placementId, _) = await LivePlacementAsync(recruiter);
        var thisWeek = $"/Timesheets/{placementId}/{Clocks.Today:yyyy-MM-dd}";

        var refused = await Browsing.ParseAsync(await PressAsync(recruiter, thisWeek, "Submit", new() { ["Input.NoHoursWorked"] = "true" }));

        refused.Text("#Input_NoHoursWorked-error").ShouldContain("A week with no hours worked can be sent once it is over: from Sunday 29 November 2026");
        TimesheetsOf(placementId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Approving_from_a_page_whose_price_changed_since_shows_the_new_price_and_approves_nothing_until_pressed_again()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var manager = await factory.SignedInAsAsync(Manager);
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var (placementId, week) = await LivePlacementAsync(recruiter);
        await FollowAsync(recruiter, await PressAsync(recruiter, week, "Submit", Week((0, "7.5"), (1, "7.5"))));
        var opened = await manager.GetPageAsync(week);
        var organisation = await PlacementArrangement.QueryAsync(factory, db => db.ServiceAreas.AsNoTracking().Single(a => a.Id == db.Placements.Single(p => p.Id == placementId).ServiceAreaId).HiringOrganisationId);
        async Task MarginAsync(string points) =>
            (await admin.SubmitAsync(await admin.GetPageAsync($"/Admin/Organisations/{organisation}"), new Dictionary<string, string> { ["Input.MarginAdjustment"] = points })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await MarginAsync("3");
        try
        {
            var refused = await Browsing.ParseAsync(await manager.PressAsync(opened, "Approve"));

            refused.Text(".govuk-error-summary").ShouldContain("What this week comes to has changed since you opened it");
            refused.Text(".govuk-error-summary").ShouldContain(refused.Text("#total-charge"));
            refused.Text("#total-charge").ShouldNotBe(opened.Text("#total-charge"));
            TimesheetOf(placementId).Status.ShouldBe(TimesheetStatus.Submitted);
            var approved = await FollowAsync(manager, await manager.PressAsync(refused, "Approve"));
            approved.Text("#status").ShouldContain("Approved");
            approved.Text("#total-charge").ShouldBe(refused.Text("#total-charge"));
        }
        finally
        {
            await MarginAsync("0");
        }
    }

    [Fact]
    public async Task A_week_the_placement_does_not_run_in_or_off_the_calendar_takes_no_timesheet()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var (placementId, _) = await LivePlacementAsync(recruiter);
        var long_ago = await recruiter.GetPageAsync($"/Timesheets/{placementId}/2020-01-06");
        long_ago.QuerySelector("#hours").ShouldBeNull("there are no hours to enter in a week the placement did not run");
        long_ago.Text("#not-running").ShouldContain("did not run in the week of 6 January 2020");
        var refused = await Browsing.ParseAsync(await recruiter.SubmitAsync(long_ago, new Dictionary<string, string>(), $"/Timesheets/{placementId}/2020-01-06?handler=Submit"));
        refused.Text(".govuk-error-summary").ShouldContain("it has no hours in the week of Monday 6 January 2020");
        foreach (var end in new[] { "9999-12-27", "0001-01-01" })
            (await recruiter.GetAsync($"/Timesheets/{placementId}/{end}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, end);
        TimesheetsOf(placementId).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_manager_approves_ticked_weeks_together_and_is_told_which_were_left_and_why()
    {
        var manager = await factory.SignedInAsAsync(Manager);
        var list = await manager.GetPageAsync("/Timesheets");
        var boxes = list.QuerySelectorAll("#timesheets input[name=approve]").Select(b => b.GetAttribute("value")!).Take(3).ToList();
        boxes.Count.ShouldBe(3, "the demo data has weeks waiting in the manager's service");
        var ids = boxes.Select(b => int.Parse(b.Split(':')[0])).ToList();
        // The third as it was two versions ago: someone changed it since.
        var stale = $"{ids[2]}:{int.Parse(boxes[2].Split(':')[1]) + 2}";
        var token = list.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#approve-many input[name=__RequestVerificationToken]")!.Value;
        // And a week of another service and one that does not exist, forged into the post: said alike, naming neither.
        var elsewhere = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking()
            .Where(t => t.Status == TimesheetStatus.Submitted).Select(t => new { t.Id, t.Version, t.ServiceAreaId }).ToList());
        var managersArea = await PlacementArrangement.QueryAsync(factory, db => db.HiringManagers.AsNoTracking().Single(m => m.Email == Manager).ServiceAreaId);
        var theirs = elsewhere.First(t => t.ServiceAreaId != managersArea);
        using var form = new FormUrlEncodedContent([new("approve", boxes[0]), new("approve", boxes[1]), new("approve", stale),
            new("approve", $"{theirs.Id}:{theirs.Version}"), new("approve", "99999999:0"), new("__RequestVerificationToken", token)]);
        var response = await manager.PostAsync(new Uri("/Timesheets?handler=Approve", UriKind.Relative), form);
        var after = await FollowAsync(manager, response);

        after.Text("#done").ShouldContain("Approved 2 timesheets");
        after.Text("#not-approved").ShouldContain("changed since you saw it");
        // The manager's own week left out is marked with its number for tools reading the list; the others carry none.
        after.QuerySelectorAll("#not-approved li[data-timesheet]").Select(l => l.GetAttribute("data-timesheet")).ShouldBe([ids[2].ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        after.Text("#not-approved").ShouldContain("2 weeks ticked are not ones you can approve.");
        after.Text("#not-approved").ShouldNotContain(theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Single(t => t.Id == theirs.Id).Status)).ShouldBe(TimesheetStatus.Submitted);
        var statuses = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionary(t => t.Id, t => t.Status));
        (statuses[ids[0]], statuses[ids[1]], statuses[ids[2]]).ShouldBe((TimesheetStatus.Approved, TimesheetStatus.Approved, TimesheetStatus.Submitted));
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        (await recruiter.GetPageAsync("/Timesheets")).QuerySelector("#approve-ticked").ShouldBeNull("recruiters do not approve");
    }

    private async Task<HttpClient> ManagerOfAnotherServiceAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var area = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceAreas.FirstAsync(a => a.Code != "CSC");
        var email = $"manager.{Guid.NewGuid():N}@test.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pat Other", ServiceAreaId = area.Id, LockoutEnabled = true };
        (await users.CreateAsync(user, Browsing.DemoPassword)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.HiringManager);
        return await factory.SignedInAsAsync(email);
    }

    private Timesheet TimesheetOf(int placementId) => TimesheetsOf(placementId).Single();

    private List<Timesheet> TimesheetsOf(int placementId) =>
        PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Include(t => t.Lines)
            .Where(t => t.PlacementId == placementId).OrderBy(t => t.Sequence).ToList()).GetAwaiter().GetResult();
}
