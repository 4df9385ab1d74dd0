using System.Net;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Timesheets;

public sealed class PayParityTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private static readonly DateOnly LastWeek = new(2026, 11, 16);

    [Fact]
    public async Task A_week_past_the_AWR_weeks_paid_below_the_permanent_posts_pay_waits_until_a_recruiter_applies_parity_in_one_step()
    {
        var arranged = await ParityArrangement.PlacedAsync(factory, 19.00m);
        var placementId = arranged.PlacementId;
        // The week parity became due, approved at the old rate before anyone saw it was due: 7.5 hours at £19.00.
        var dueWeek = ParityArrangement.DueWeek;
        await arranged.ApprovedAtOldRateAsync(factory, dueWeek, 19.00m);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var week = $"/Timesheets/{placementId}/{LastWeek:yyyy-MM-dd}";
        (await recruiter.PressAsync(await recruiter.GetPageAsync(week), "Submit", new Dictionary<string, string> { [$"Input.Hours[{LastWeek:yyyy-MM-dd}-Standard]"] = "7.5" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var waiting = await manager.GetPageAsync(week);
        // Grade E starts at £39,027 a year: over 52.143 weeks of 37 hours, £20.23 an hour.
        waiting.Text("#parity-due").ShouldContain("From 9 November 2026");
        waiting.Text("#parity-due").ShouldContain("due at least £20.23 an hour");
        waiting.QuerySelector("#apply-parity-button").ShouldBeNull("hiring managers do not change rates");
        var refused = await Browsing.ParseAsync(await manager.PressAsync(waiting, "Approve"));
        refused.Text(".govuk-error-summary").ShouldContain("This week cannot be approved");
        refused.Text(".govuk-error-summary").ShouldContain("below £20.23, what the equivalent permanent post (grade E) pays an hour");
        (await StatusAsync(placementId)).ShouldBe(Domain.Timesheets.TimesheetStatus.Submitted);

        // The nightly job finds parity due and not paid: the week approved below it is owed already, before the rate changes.
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        await using (var finishing = await JobsFinishing.ExpectAsync(factory.Services, [Application.Jobs.JobNames.FlagLongRunningPlacements]))
        {
            (await admin.SubmitAsync(await admin.GetPageAsync("/Jobs"), new Dictionary<string, string> { ["job"] = Application.Jobs.JobNames.FlagLongRunningPlacements }, "/Jobs?handler=Run"))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
            await finishing.WithinAsync(TimeSpan.FromSeconds(60));
        }
        var owedBefore = await recruiter.GetPageAsync("/Timesheets/Underpaid");
        owedBefore.QuerySelector($"#underpaid a[href='/Timesheets/{placementId}/{dueWeek:yyyy-MM-dd}']")!.Closest("tr")!.TextContent.ShouldContain("£9.23");

        var offered = await recruiter.GetPageAsync(week);
        offered.Text("#apply-parity-button").ShouldBe("Pay £20.23 an hour from 9 November 2026");
        var applied = await recruiter.PressAsync(offered, "ApplyParity");
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());
        (await recruiter.GetPageAsync(week)).QuerySelector("#parity-due").ShouldBeNull();

        var approved = await manager.PressAsync(await manager.GetPageAsync(week), "Approve");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.GetPageAsync(week)).Text("#total-pay").ShouldBe("£151.73", "7.5 hours at £20.23");
        var change = await PlacementArrangement.QueryAsync(factory, db => db.Set<PlacementRateChange>().AsNoTracking().Single(c => c.PlacementId == placementId));
        (change.EffectiveFrom, change.PreviousPayRate, change.NewPayRate).ShouldBe((new DateOnly(2026, 11, 9), 19.00m, 20.23m));

        // The week approved before is owed the difference: 7.5 hours at £20.23 is £151.73, less the £142.50 paid.
        var owed = await recruiter.GetPageAsync("/Timesheets/Underpaid");
        owed.QuerySelector($"#underpaid a[href='/Timesheets/{placementId}/{dueWeek:yyyy-MM-dd}']")!.Closest("tr")!.TextContent.ShouldContain("£9.23");
        var earlier = $"/Timesheets/{placementId}/{dueWeek:yyyy-MM-dd}";
        var correcting = await recruiter.PressAsync(await recruiter.GetPageAsync(earlier), "Adjust");
        correcting.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await recruiter.PressAsync(await recruiter.GetPageAsync(earlier), "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.PressAsync(await manager.GetPageAsync(earlier), "Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.GetPageAsync(earlier)).Text("#total-pay").ShouldBe("£9.23", "the correction pays the difference once the old lines are taken back");
        (await recruiter.GetPageAsync("/Timesheets/Underpaid")).QuerySelector($"#underpaid a[href='{earlier}']").ShouldBeNull("the correction paid what was owed");
    }

    private Task<Domain.Timesheets.TimesheetStatus> StatusAsync(int placementId) =>
        PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Single(t => t.PlacementId == placementId && t.WeekStart == LastWeek).Status);

    [Fact]
    public async Task The_nightly_check_flags_parity_due_and_a_recruiter_applies_it_from_the_placements_page()
    {
        var placementId = (await ParityArrangement.PlacedAsync(factory, 19.00m)).PlacementId;
        await factory.Services.GetRequiredService<Application.Jobs.NightlyRunner>().RunAsync<Application.Placements.Flags.PlacementFlagReview>("test", CancellationToken.None);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var path = $"/Placements/{placementId}";

        var flagged = await recruiter.GetPageAsync(path);
        flagged.Text("#flags").ShouldContain("AWR pay parity due");
        flagged.Text("#flags").ShouldContain("AWR pay parity has been due from Monday 9 November 2026: the pay-rate rules allow at least £20.23 an hour from then; the pay is £19.00.");
        flagged.Text("#parity-due").ShouldContain("due at least £20.23 an hour");
        (await manager.GetPageAsync(path)).QuerySelector("#apply-parity-button").ShouldBeNull("hiring managers do not change rates");

        var applied = await recruiter.PressAsync(flagged, "ApplyParity");
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());
        var after = await recruiter.GetPageAsync(path);
        after.Text(".govuk-notification-banner").ShouldContain("Pay parity applied");
        after.QuerySelector("#parity-due").ShouldBeNull();
        var change = await PlacementArrangement.QueryAsync(factory, db => db.Set<PlacementRateChange>().AsNoTracking().Single(c => c.PlacementId == placementId));
        (change.EffectiveFrom, change.NewPayRate).ShouldBe((new DateOnly(2026, 11, 9), 20.23m));

        // Pressed again from the page as it was: the placement has moved on, and nothing changes twice.
        var stale = await Browsing.ParseAsync(await recruiter.PressAsync(flagged, "ApplyParity"));
        stale.Text(".govuk-error-summary").ShouldNotBeEmpty();
        (await PlacementArrangement.QueryAsync(factory, db => db.Set<PlacementRateChange>().Count(c => c.PlacementId == placementId))).ShouldBe(1);
    }
}
