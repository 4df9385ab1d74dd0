using System.Net;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Timesheets;

public sealed class PayParityTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    // Booked from Monday 17 August 2026: 12 weeks are done on Sunday 8 November, so parity is due from Monday 9 November.
    private static readonly DateOnly Start = new(2026, 8, 17);
    private static readonly DateOnly LastWeek = new(2026, 11, 16);

    [Fact]
    public async Task A_week_past_the_AWR_weeks_paid_below_the_permanent_posts_pay_waits_until_a_recruiter_applies_parity_in_one_step()
    {
        var placementId = await PlacementPaidAsync(19.00m);
        // The week parity became due, approved at the old rate before anyone saw it was due (as weeks approved before
        // this app checked were): 7.5 hours at £19.00.
        var dueWeek = new DateOnly(2026, 11, 9);
        await ApprovedAtOldRateAsync(placementId, dueWeek, 19.00m);
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
        owed.Text("#underpaid").ShouldContain("9 Nov 2026");
        owed.Text("#underpaid").ShouldContain("£9.23");
        var earlier = $"/Timesheets/{placementId}/{dueWeek:yyyy-MM-dd}";
        var correcting = await recruiter.PressAsync(await recruiter.GetPageAsync(earlier), "Adjust");
        correcting.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await recruiter.PressAsync(await recruiter.GetPageAsync(earlier), "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.PressAsync(await manager.GetPageAsync(earlier), "Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.GetPageAsync(earlier)).Text("#total-pay").ShouldBe("£9.23", "the correction pays the difference once the old lines are taken back");
        (await recruiter.GetPageAsync("/Timesheets/Underpaid")).QuerySelector("#underpaid")?.TextContent.ShouldNotContain("9 Nov 2026");
    }

    [Fact]
    public async Task The_nightly_check_flags_parity_due_and_a_recruiter_applies_it_from_the_placements_page()
    {
        var placementId = await PlacementPaidAsync(19.00m);
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

    private async Task ApprovedAtOldRateAsync(int placementId, DateOnly week, decimal pay)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var placement = await db.Placements.Include(p => p.RateChanges).SingleAsync(p => p.Id == placementId);
        var rates = new Domain.Timesheets.TimesheetRates(pay, [], Domain.SupplyAgencies.SupplyAgencyKind.InHousePool, 0.06m,
            _ => new OnCostRates(0.1207m, 0.15m, 0.03m, "test"), (_, _) => 1m);
        List<Domain.Timesheets.TimesheetHours> hours = [new(week, Domain.Timesheets.TimesheetLineType.Standard, 7.5m)];
        var timesheet = Domain.Timesheets.Timesheet.Start(placement, week, Domain.Timesheets.TimesheetEnteredAs.Recruiter, PlacementArrangement.Recruiter);
        timesheet.Record(hours, new Domain.Timesheets.TimesheetLimits(Start, Start.AddDays(200), Clocks.Today, false, new HashSet<Domain.Timesheets.TimesheetLineType>()), PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        timesheet.Submit(rates.Price(hours), null, PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        timesheet.Approve(rates.Price(hours), null, "manager@connect2luton.local", Clocks.Now.AddDays(-6));
        db.Add(timesheet);
        await db.SaveChangesAsync();
    }

    private Task<Domain.Timesheets.TimesheetStatus> StatusAsync(int placementId) =>
        PlacementArrangement.QueryAsync(factory, db => db.Timesheets.AsNoTracking().Single(t => t.PlacementId == placementId && t.WeekStart == LastWeek).Status);

    /// <summary>A social worker in children's social care placed from <see cref="Start"/> at a pay allowed before the AWR weeks, written straight to the database.</summary>
    private async Task<int> PlacementPaidAsync(decimal pay)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var area = await db.ServiceAreas.SingleAsync(a => a.Code == "CSC");
        var role = await db.JobRoles.FirstAsync(r => r.Title == "Social Worker (Children and Families)");
        var manager = await db.HiringManagers.FirstAsync(m => m.ServiceAreaId == area.Id);
        var pool = await db.SupplyAgencies.FirstAsync(a => a.Kind == Domain.SupplyAgencies.SupplyAgencyKind.InHousePool);
        var requisition = A.Requisition().In(area.Id, role.Id, manager.Id).Starting(Start).Open();
        var worker = A.Worker().LivingIn("LU2 7AB").SuppliedBy(pool.Id).WithChecks().Build();
        db.AddRange(requisition, worker);
        await db.SaveChangesAsync();
        var rates = ChargeRates.Price(pay, pool.Kind, pool.MarginRate, new OnCostRates(0.1207m, 0.15m, 0.03m, "test"));
        var placement = Placement.Book(requisition, worker, new PlacementBooking(rates, 37m, Start, Start.AddDays(26 * 7 - 1)), null, [], PlacementArrangement.Recruiter, Clocks.Now);
        db.Add(placement);
        await db.SaveChangesAsync();
        return placement.Id;
    }
}
