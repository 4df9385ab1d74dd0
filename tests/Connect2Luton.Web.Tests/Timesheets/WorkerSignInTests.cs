using System.Net;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Web.Tests.Timesheets;

public sealed class WorkerSignInTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Password = "Timesheet-on-my-phone-2026";
    private static readonly DateOnly LastWeek = new(2026, 11, 16);

    [Fact]
    public async Task A_worker_given_a_sign_in_sends_their_own_hours_answers_a_query_and_keeps_their_details_and_sees_nothing_else()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: -14);
        var placement = int.Parse((await arranged.BookAsync(recruiter)).Split('/')[^1]);
        var email = await PlacementArrangement.QueryAsync(factory, db => db.Workers.Single(w => w.Id == arranged.WorkerId).Email);

        var record = await recruiter.GetPageAsync($"/Workers/{arranged.WorkerId}");
        record.Text("#sign-in").ShouldContain("has no sign-in");
        var given = await Browsing.ParseAsync(await recruiter.SubmitAsync(record, new Dictionary<string, string>(), $"/Workers/{arranged.WorkerId}?handler=SignIn"));
        var link = ((AngleSharp.Html.Dom.IHtmlTextAreaElement)given.QuerySelector("#set-password-link")!).Value;
        link.ShouldContain("/Account/ResetPassword?user=");

        var worker = factory.CreateBrowser();
        var setPassword = await worker.GetPageAsync(new Uri(link).PathAndQuery);
        (await worker.SubmitAsync(setPassword, new Dictionary<string, string> { ["Input.Password"] = Password, ["Input.Confirm"] = Password })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        worker = await factory.SignedInAsAsync(email, Password);

        (await worker.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/Me", "a worker's home is their own page");
        var home = await worker.GetPageAsync("/Me");
        home.Text("h1").ShouldBe("Your timesheets");
        home.Text("#owed").ShouldContain("Week of 16 November");
        foreach (var council in new[] { "/Placements", "/Timesheets", $"/Timesheets/{placement}/{LastWeek:yyyy-MM-dd}", "/Workers", "/Reports", "/Agency" })
            (await worker.GetAsync(council)).StatusCode.ShouldBe(HttpStatusCode.NotFound, council);

        var week = $"/Me/Timesheets/{placement}/{LastWeek:yyyy-MM-dd}";
        var mine = await worker.GetPageAsync(week);
        mine.Text("label[for=Input_NoHoursWorked]").ShouldBe("I worked no hours this week");
        var sent = await worker.PressAsync(mine, "Submit", new Dictionary<string, string> { [$"Input.Hours[{LastWeek:yyyy-MM-dd}-Standard]"] = "8" });
        sent.Headers.Location!.ToString().ShouldBe(week);
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var managerWeek = $"/Timesheets/{placement}/{LastWeek:yyyy-MM-dd}";
        var seen = await manager.GetPageAsync(managerWeek);
        seen.Text("#history").ShouldContain($"sent for approval by {arranged.WorkerName}");
        seen.Text("#history").ShouldNotContain(email);
        (await manager.PressAsync(seen, "Query", new Dictionary<string, string> { ["Input.Reason"] = "The team day finished at 4" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var queried = await worker.GetPageAsync(week);
        queried.Text("#query-reason").ShouldContain("The team day finished at 4");
        await worker.PressAsync(queried, "Submit", new Dictionary<string, string> { [$"Input.Hours[{LastWeek:yyyy-MM-dd}-Standard]"] = "7" });
        (await manager.PressAsync(await manager.GetPageAsync(managerWeek), "Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await worker.GetPageAsync("/Me")).Text("#timesheets").ShouldContain("Approved");

        // Another worker's week is not there for them, whatever the address.
        var someoneElse = await PlacementArrangement.QueryAsync(factory, db => db.Placements.First(p => p.WorkerId != arranged.WorkerId && p.Status == Domain.Placements.PlacementStatus.Active).Id);
        (await worker.GetAsync($"/Me/Timesheets/{someoneElse}/{LastWeek:yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var details = await worker.GetPageAsync("/Me/Details");
        var refused = await Browsing.ParseAsync(await worker.SubmitAsync(details, new Dictionary<string, string> { ["Input.Postcode"] = "not a postcode", ["Input.Phone"] = "07700 900 982" }));
        refused.Text("#Input_Postcode-error").ShouldContain("Enter a full UK postcode");
        (await worker.SubmitAsync(details, new Dictionary<string, string> { ["Input.Postcode"] = "lu1 3jh", ["Input.Phone"] = "07700 900 982", ["Input.OpenToPermanentJob"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await PlacementArrangement.QueryAsync(factory, db => db.Workers.AsNoTracking().Single(w => w.Id == arranged.WorkerId));
        (kept.Postcode, kept.Phone, kept.OpenToPermanentJob).ShouldBe(("LU1 3JH", "07700 900 982", true));

        var timesheet = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Single(t => t.PlacementId == placement));
        (timesheet.EnteredAs, timesheet.Status, timesheet.Hours).ShouldBe((TimesheetEnteredAs.Worker, TimesheetStatus.Approved, 7m));
        (await recruiter.GetPageAsync($"/Workers/{arranged.WorkerId}")).Text("#sign-in").ShouldContain($"signs in as {email}");
    }
}
