using System.Globalization;
using Connect2Luton.Domain.HiringOrganisations;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Reports;

/// <summary>Hours and cost worked, against committed, for an organisation of its own, through the real host.</summary>
public sealed class HoursWorkedReportTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    // Today is Monday 23 November 2026: the four weeks reported run from Monday 26 October to Sunday 22 November.
    private static readonly DateOnly Start = new(2026, 11, 2);

    [Fact]
    public async Task An_organisations_approved_hours_and_cost_are_summed_against_what_its_placements_were_committed_to_for_the_days_they_ran()
    {
        var arranged = await ArrangeAsync();
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        var page = await recruiter.GetPageAsync($"/Reports/Hours?organisation={arranged.OrganisationId}&weeks=4");
        page.Text("#period").ShouldContain("4 weeks from Monday 26 October 2026 to Sunday 22 November 2026 for " + arranged.Organisation);
        page.Text("#waiting").ShouldContain("in 1 timesheet waiting for approval");
        page.QuerySelectorAll("#by-organisation tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain(arranged.Organisation);
        page.Text("#parity-due").ShouldContain("AWR pay parity is due from Monday 30 November 2026");

        var csv = await (await recruiter.GetAsync(new Uri($"/Reports/Hours?handler=Csv&table=by-organisation&organisation={arranged.OrganisationId}&weeks=4", UriKind.Relative))).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("\"Organisation, service, job family or supplier\",Hours approved,Pay (£),Margin (£),Charged (£),Committed (£),Charged less committed (£),Charged as % of committed");
        // Three weeks of the placement ran in the period (2 to 22 November): three committed weeks; one week's 7.5 hours approved.
        var committed = Math.Round(arranged.CommittedWeek * 3, 2, MidpointRounding.AwayFromZero);
        var share = Math.Round(arranged.Charged / committed * 100, 1, MidpointRounding.AwayFromZero);
        lines.Skip(1).ShouldHaveSingleItem().ShouldBe(string.Create(CultureInfo.InvariantCulture,
            $"{arranged.Organisation},7.5,{arranged.Pay:0.00},{arranged.Margin:0.00},{arranged.Charged:0.00},{committed:0.00},{arranged.Charged - committed:0.00},{share:0.0}"));

        // The service moves to the council: the hours stay charged to the trust, and what is committed goes with the service.
        await PlacementArrangement.QueryAsync(factory, db =>
        {
            var area = db.ServiceAreas.Single(a => a.HiringOrganisationId == arranged.OrganisationId);
            area.MoveTo(HiringOrganisation.CouncilId);
            return db.SaveChanges();
        });
        var moved = await (await recruiter.GetAsync(new Uri($"/Reports/Hours?handler=Csv&table=by-organisation&organisation={arranged.OrganisationId}&weeks=4", UriKind.Relative))).Content.ReadAsStringAsync();
        moved.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ShouldHaveSingleItem()
            .ShouldStartWith(string.Create(CultureInfo.InvariantCulture, $"{arranged.Organisation},7.5,{arranged.Pay:0.00},{arranged.Margin:0.00},{arranged.Charged:0.00},0.00,"));

        // A hiring manager of another service sees none of it, whatever they ask for.
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var theirs = await manager.GetPageAsync($"/Reports/Hours?organisation={arranged.OrganisationId}&weeks=4");
        // What the address names is not read for them: the report is their own service's, with nothing of the other organisation's.
        theirs.Text("main").ShouldNotContain(arranged.Organisation);
        theirs.QuerySelector(".govuk-error-summary").ShouldBeNull();
        theirs.QuerySelector("#parity-due").ShouldBeNull();
    }

    [Theory]
    [InlineData("/Reports/Hours?weeks=5", "4 weeks from")]
    [InlineData("/Reports/Hours?weeks=-1&organisation=999999", "4 weeks from")]
    public async Task A_period_or_organisation_not_offered_is_read_as_the_default_and_said(string address, string period)
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var page = await recruiter.GetPageAsync(address);
        page.Text("#period").ShouldContain(period);
        if (address.Contains("organisation", StringComparison.Ordinal)) page.Text(".govuk-error-summary").ShouldContain("That organisation is not in the list");
    }

    private sealed record Arranged(int OrganisationId, string Organisation, decimal CommittedWeek, decimal Pay, decimal Margin, decimal Charged);

    private async Task<Arranged> ArrangeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var name = $"Report Test Trust {Guid.NewGuid():N}"[..28];
        var organisation = new HiringOrganisation(name, "1 Test Street, Luton LU1 2AA", "Finance team", "finance@trust.example", false, 0m);
        db.Add(organisation);
        await db.SaveChangesAsync();
        var area = A.ServiceArea($"R{Guid.NewGuid():N}"[..6].ToUpperInvariant(), childrens: false);
        area.MoveTo(organisation.Id);
        var role = A.Role(JobFamily.Housing);
        var pool = await db.SupplyAgencies.FirstAsync(a => a.Kind == Domain.SupplyAgencies.SupplyAgencyKind.InHousePool);
        db.AddRange(area, role);
        await db.SaveChangesAsync();
        var manager = A.Manager(area.Id);
        db.Add(manager);
        await db.SaveChangesAsync();
        var requisition = A.Requisition().In(area.Id, role.Id, manager.Id).Starting(Start).Open();
        var worker = A.Worker().SuppliedBy(pool.Id).WithChecks().Build();
        db.AddRange(requisition, worker);
        await db.SaveChangesAsync();
        var onCosts = new OnCostRates(0.1207m, 0.15m, 0.03m, "test");
        var rates = ChargeRates.Price(16.50m, pool.Kind, pool.MarginRate, onCosts);
        var placement = Placement.Book(requisition, worker, new PlacementBooking(rates, 37m, Start, new DateOnly(2026, 11, 25)), null, [], PlacementArrangement.Recruiter, Clocks.Now);
        db.Add(placement);
        await db.SaveChangesAsync();

        var pricing = new TimesheetRates(16.50m, [], pool.Kind, pool.MarginRate, _ => onCosts, (_, _) => 1m);
        var limits = new TimesheetLimits(Start, new DateOnly(2026, 11, 25), Clocks.Today, false, new HashSet<TimesheetLineType>());
        var week = new DateOnly(2026, 11, 9);
        List<TimesheetHours> approvedHours = [new(week, TimesheetLineType.Standard, 7.5m)];
        var approved = Timesheet.Start(placement, week, TimesheetEnteredAs.Recruiter, PlacementArrangement.Recruiter, organisation.Id);
        approved.Record(approvedHours, limits, PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        approved.Submit(pricing.Price(approvedHours), null, PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        approved.Approve(pricing.Price(approvedHours), null, manager.Email, Clocks.Now.AddDays(-6));
        var lastWeek = new DateOnly(2026, 11, 16);
        List<TimesheetHours> sentHours = [new(lastWeek, TimesheetLineType.Standard, 8m)];
        var sent = Timesheet.Start(placement, lastWeek, TimesheetEnteredAs.Recruiter, PlacementArrangement.Recruiter, organisation.Id);
        sent.Record(sentHours, limits, PlacementArrangement.Recruiter, Clocks.Now);
        sent.Submit(pricing.Price(sentHours), null, PlacementArrangement.Recruiter, Clocks.Now);
        db.AddRange(approved, sent,
            new PlacementFlag(placement.Id, PlacementFlagKind.PayParityDue, "AWR pay parity is due from Monday 30 November 2026: at least £16.80 an hour.", "AtLeastAwrPayParity", "test", Clocks.Today, Clocks.Now));
        await db.SaveChangesAsync();
        return new Arranged(organisation.Id, name, placement.CommittedWeek.Charge, approved.Lines.Sum(l => l.Pay), approved.Lines.Sum(l => l.Margin), approved.Lines.Sum(l => l.Charge));
    }
}
