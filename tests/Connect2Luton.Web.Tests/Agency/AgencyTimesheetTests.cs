using System.Net;
using AngleSharp.Dom;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Web.Tests.Agency;

public sealed class AgencyTimesheetTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Manager = "manager@connect2luton.local";
    private static readonly string Wardown = IdentitySeeder.DemoAgencyStaff[0].Email;
    private static readonly string WardownName = IdentitySeeder.DemoAgencyStaff[0].Name;
    private static readonly string Chiltern = IdentitySeeder.DemoAgencyStaff[1].Email;

    // Clocks.Today is Monday 23 November 2026: the placements here started on Monday 9 November.
    private static readonly DateOnly LastWeek = new(2026, 11, 16);

    private static string Field(DateOnly day) => $"Input.Hours[{day:yyyy-MM-dd}-Standard]";

    private static string Id(DateOnly day) => $"#Input_Hours_{day:yyyy-MM-dd}-Standard_";

    private static Dictionary<string, string> Week(params (int Day, string Hours)[] days) =>
        days.ToDictionary(d => Field(LastWeek.AddDays(d.Day)), d => d.Hours);

    /// <summary>A placement booked through the council's pages of a worker the agency named supplies, live since 9 November.</summary>
    private async Task<(int PlacementId, string Worker)> PlacementOfAsync(string agencyName)
    {
        var agency = await PlacementArrangement.QueryAsync(factory, db => db.SupplyAgencies.Single(a => a.Name == agencyName).Id);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: -14, worker: w => w.SuppliedBy(agency));
        var id = int.Parse((await arranged.BookAsync(recruiter)).Split('/')[^1]);
        (await PlacementArrangement.QueryAsync(factory, db => db.Placements.Single(p => p.Id == id).SupplyAgencyId)).ShouldBe(agency);
        return (id, arranged.WorkerName);
    }

    private static async Task<IDocument> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetPageAsync(response.Headers.Location!.ToString());
    }

    private static IElement? OwedRow(IDocument list, int placementId, DateOnly week) =>
        list.QuerySelector($"#owed tr[data-placement='{placementId}'][data-week='{week:yyyy-MM-dd}']");

    [Fact]
    public async Task Agency_staff_send_their_workers_week_answer_the_managers_query_and_the_manager_approves_it()
    {
        var (placementId, worker) = await PlacementOfAsync(IdentitySeeder.DemoAgencyStaff[0].Agency);
        var agency = await factory.SignedInAsAsync(Wardown);
        var manager = await factory.SignedInAsAsync(Manager);
        var week = $"/Agency/Timesheets/{placementId}/{LastWeek:yyyy-MM-dd}";

        var list = await agency.GetPageAsync("/Agency/Timesheets");
        list.QuerySelectorAll("#navigation a").Select(a => a.TextContent.Trim()).ShouldContain("Timesheets");
        OwedRow(list, placementId, LastWeek)!.TextContent.ShouldContain("No hours entered");
        OwedRow(list, placementId, LastWeek.AddDays(-7)).ShouldNotBeNull("the week the placement started is owed too");
        OwedRow(list, placementId, LastWeek)!.QuerySelector("a")!.GetAttribute("href").ShouldBe(week);

        var saved = await FollowAsync(agency, await agency.PressAsync(await agency.GetPageAsync(week), "Save", Week((0, "7.5"), (1, "7:30"), (2, "8"))));
        saved.Text("#status").ShouldContain("Not sent");
        OwedRow(await agency.GetPageAsync("/Agency/Timesheets"), placementId, LastWeek)!.TextContent.ShouldContain("Entered by your agency");

        var sent = await FollowAsync(agency, await agency.PressAsync(saved, "Submit"));
        sent.Text("#done").ShouldContain("Timesheet sent for approval");
        sent.Text("#status").ShouldContain("Waiting for approval");
        sent.Text("#total-pay").ShouldBe("£690.00", "23 hours at £30.00");
        sent.QuerySelector("#total-charge").ShouldNotBeNull("the agency invoices the charge, so sees it");
        sent.QuerySelectorAll("#lines th").Select(h => h.TextContent.Trim()).ShouldNotContain("Margin");
        sent.QuerySelectorAll("#lines th").Select(h => h.TextContent.Trim()).ShouldNotContain("Holiday pay, NI and pension");
        sent.QuerySelector("#approve").ShouldBeNull("approval stays with the hiring manager");
        OwedRow(await agency.GetPageAsync("/Agency/Timesheets"), placementId, LastWeek).ShouldBeNull("a week sent is not owed");

        var managerWeek = $"/Timesheets/{placementId}/{LastWeek:yyyy-MM-dd}";
        var waiting = await manager.GetPageAsync(managerWeek);
        waiting.Text("#history").ShouldContain($"sent for approval by {WardownName}");
        await FollowAsync(manager, await manager.PressAsync(waiting, "Query", new Dictionary<string, string> { ["Input.Reason"] = "Wednesday was a training day: 7.5 hours" }));

        var owed = OwedRow(await agency.GetPageAsync("/Agency/Timesheets"), placementId, LastWeek)!;
        owed.TextContent.ShouldContain("Queried");
        owed.TextContent.ShouldContain("Wednesday was a training day: 7.5 hours");
        var back = await agency.GetPageAsync(week);
        back.Text("#query-reason").ShouldContain("Wednesday was a training day: 7.5 hours");
        back.Text("#history").ShouldContain("queried by the hiring manager: Wednesday was a training day");
        back.Text("#history").ShouldContain($"sent for approval by {WardownName}");
        back.Body!.TextContent.ShouldNotContain(Manager, Case.Insensitive, "no council address reaches the agency");
        back.QuerySelector(Id(LastWeek.AddDays(2)))!.GetAttribute("value").ShouldBe("8");

        await FollowAsync(agency, await agency.PressAsync(back, "Submit", Week((0, "7.5"), (1, "7.5"), (2, "7.5"))));
        var approved = await FollowAsync(manager, await manager.PressAsync(await manager.GetPageAsync(managerWeek), "Approve"));
        approved.Text("#status").ShouldContain("Approved");

        var locked = await agency.GetPageAsync(week);
        locked.Text("#status").ShouldContain("Approved");
        locked.Text("#total-pay").ShouldBe("£675.00");
        locked.QuerySelector("#hours").ShouldBeNull("an approved week is locked");
        locked.Text("#history").ShouldContain("approved by the hiring manager");
        var timesheetId = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.Single(t => t.PlacementId == placementId).Id);
        var forged = await agency.SubmitAsync(locked, new Dictionary<string, string>(Week((0, "12"))) { ["TimesheetId"] = timesheetId.ToString(), ["Version"] = "0" }, $"{week}?handler=Save");
        (await Browsing.ParseAsync(forged)).Text(".govuk-error-summary").ShouldContain("approved");
        (await agency.GetPageAsync("/Agency/Timesheets")).Text("#timesheets").ShouldContain(worker);

        var timesheet = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Include(t => t.History).Single(t => t.PlacementId == placementId));
        (timesheet.EnteredAs, timesheet.EnteredBy, timesheet.Status, timesheet.Hours).ShouldBe((TimesheetEnteredAs.Agency, Wardown, TimesheetStatus.Approved, 22.5m));
        timesheet.History.Where(e => e.Step is TimesheetStep.Saved or TimesheetStep.Submitted).Select(e => e.By).Distinct().ShouldBe([Wardown]);
        timesheet.History.Where(e => e.Step is TimesheetStep.Queried or TimesheetStep.Approved).Select(e => e.By).Distinct().ShouldBe([Manager]);
    }

    [Fact]
    public async Task Agency_staff_correct_an_approved_week_with_an_adjustment_the_manager_approves()
    {
        var (placementId, _) = await PlacementOfAsync(IdentitySeeder.DemoAgencyStaff[0].Agency);
        var agency = await factory.SignedInAsAsync(Wardown);
        var manager = await factory.SignedInAsAsync(Manager);
        var week = $"/Agency/Timesheets/{placementId}/{LastWeek:yyyy-MM-dd}";
        var managerWeek = $"/Timesheets/{placementId}/{LastWeek:yyyy-MM-dd}";
        await FollowAsync(agency, await agency.PressAsync(await agency.GetPageAsync(week), "Submit", Week((0, "7.5"))));
        await FollowAsync(manager, await manager.PressAsync(await manager.GetPageAsync(managerWeek), "Approve"));

        var correcting = await FollowAsync(agency, await agency.PressAsync(await agency.GetPageAsync(week), "Adjust"));
        correcting.Text("#status").ShouldContain("a correction to the hours approved before");
        await FollowAsync(agency, await agency.PressAsync(correcting, "Submit", Week((0, "7.5"), (1, "4"))));
        var corrected = await FollowAsync(manager, await manager.PressAsync(await manager.GetPageAsync(managerWeek), "Approve"));
        corrected.Text("#total-pay").ShouldBe("£120.00", "the correction adds 4 hours at £30.00");

        var sheets = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Where(t => t.PlacementId == placementId).OrderBy(t => t.Sequence).ToList());
        sheets.Select(t => (t.Sequence, t.EnteredAs, t.Status)).ShouldBe([(0, TimesheetEnteredAs.Agency, TimesheetStatus.Approved), (1, TimesheetEnteredAs.Agency, TimesheetStatus.Approved)]);
        (await agency.GetPageAsync(week)).Text("#earlier").ShouldNotContain(Manager);
    }

    [Fact]
    public async Task Another_agencys_placement_and_the_councils_own_are_not_found_in_the_agency_portal()
    {
        var (wardowns, worker) = await PlacementOfAsync(IdentitySeeder.DemoAgencyStaff[0].Agency);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: -14);
        var inHouse = int.Parse((await arranged.BookAsync(recruiter)).Split('/')[^1]);
        var chiltern = await factory.SignedInAsAsync(Chiltern);

        var own = await chiltern.GetPageAsync("/Agency/Timesheets");
        own.Body!.TextContent.ShouldNotContain(worker);
        foreach (var placement in new[] { wardowns, inHouse })
        {
            var path = $"/Agency/Timesheets/{placement}/{LastWeek:yyyy-MM-dd}";
            (await chiltern.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            // Posted as someone crafting the request would, with a token from a page they may see.
            var posted = await chiltern.SubmitAsync(own, Week((0, "7.5")), $"{path}?handler=Submit");
            posted.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
        (await chiltern.GetAsync($"/Timesheets/{wardowns}/{LastWeek:yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the council's page is not theirs");
        (await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.Count(t => t.PlacementId == wardowns || t.PlacementId == inHouse))).ShouldBe(0);

        var council = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var refused = await council.GetAsync($"/Agency/Timesheets/{wardowns}/{LastWeek:yyyy-MM-dd}");
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied", Case.Insensitive, "the agency portal is the agencies', whoever else may enter hours");
    }

    [Fact]
    public async Task Hours_that_fail_a_check_on_the_agency_page_are_refused_at_their_field_and_nothing_is_saved()
    {
        var (placementId, _) = await PlacementOfAsync(IdentitySeeder.DemoAgencyStaff[0].Agency);
        var agency = await factory.SignedInAsAsync(Wardown);
        var week = $"/Agency/Timesheets/{placementId}/{LastWeek:yyyy-MM-dd}";
        var form = await agency.GetPageAsync(week);

        var refused = await Browsing.ParseAsync(await agency.PressAsync(form, "Submit", Week((0, "7,5"), (1, "25"), (2, "7.4"), (3, "-2"))));
        refused.Title!.ShouldStartWith("Error: ");
        refused.Text($"{Id(LastWeek)}-error").ShouldBe("Error: Enter hours as a number, like 7.5, or as hours and minutes, like 7:30");
        refused.Text($"{Id(LastWeek.AddDays(1))}-error").ShouldContain("No more than 24 hours can be worked in a day");
        refused.Text($"{Id(LastWeek.AddDays(2))}-error").ShouldContain("Enter hours to the quarter hour");
        refused.QuerySelector(Id(LastWeek))!.GetAttribute("value").ShouldBe("7,5", "what was typed comes back to be corrected");
        refused.Text(".govuk-error-summary").ShouldContain("No more than 24 hours");

        var tooLong = await Browsing.ParseAsync(await agency.PressAsync(form, "Save", Week((0, "12"), (1, "12"), (2, "12"), (3, "12"), (4, "1"))));
        tooLong.Text("#Input_Week").ShouldContain("49 hours is over the Working Time Regulations' limit of 48 hours a week");

        var future = await agency.GetPageAsync($"/Agency/Timesheets/{placementId}/2026-11-30");
        var notStarted = await agency.SubmitAsync(future, Week(), $"/Agency/Timesheets/{placementId}/2026-11-30?handler=Save");
        (await Browsing.ParseAsync(notStarted)).Text(".govuk-error-summary").ShouldContain("a week that has not started yet");
        var early = await agency.GetPageAsync($"/Agency/Timesheets/{placementId}/2026-11-02");
        early.QuerySelector("#hours").ShouldBeNull("there are no hours to enter before the placement started");
        early.Text("#not-running").ShouldContain("did not run in the week of 2 November 2026");
        var posted = await Browsing.ParseAsync(await agency.SubmitAsync(early, Week((0, "7.5")), $"/Agency/Timesheets/{placementId}/2026-11-02?handler=Submit"));
        posted.Text("#Input_Week").ShouldContain("it has no hours in the week of Monday 2 November 2026");
        (await agency.GetAsync($"/Agency/Timesheets/{placementId}/2026-11-17")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a week starts on a Monday");
        (await agency.GetAsync($"/Agency/Timesheets/{placementId}/not-a-day")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.Count(t => t.PlacementId == placementId))).ShouldBe(0);
    }
}
