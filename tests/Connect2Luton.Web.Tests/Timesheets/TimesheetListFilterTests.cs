using System.Globalization;
using System.Net;
using Connect2Luton.Domain.HiringOrganisations;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Timesheets;

/// <summary>
/// The timesheet lists (every week, hours not sent, AWR underpayments) narrowed to an organisation and a service,
/// on screen and in their CSV, through the real host: an organisation of its own with one placement, whose week of
/// 9 November was approved before its pay went up from that day and whose week of 16 November is saved and not sent.
/// </summary>
public sealed class TimesheetListFilterTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private static readonly DateOnly Start = new(2026, 11, 2);
    private static readonly DateOnly Approved = new(2026, 11, 9);
    private static readonly DateOnly LastWeek = new(2026, 11, 16);

    [Fact]
    public async Task Hours_not_sent_narrow_to_an_organisations_services_or_one_service_on_screen_and_in_the_CSV_of_every_one()
    {
        var arranged = await ArrangeAsync();
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var everyone = await recruiter.GetPageAsync("/Timesheets/Missing");
        everyone.QuerySelectorAll("#missing tbody tr").Count.ShouldBeGreaterThan(1, "the demo's placements have hours not sent too");

        foreach (var filter in new[] { $"organisation={arranged.OrganisationId}", $"service={arranged.ServiceAreaId}" })
        {
            var page = await recruiter.GetPageAsync($"/Timesheets/Missing?{filter}");
            page.QuerySelectorAll("#missing tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain(arranged.Worker);
            page.QuerySelector("#export")!.GetAttribute("href").ShouldBe($"/Timesheets/Missing?handler=Export&{filter}");
        }
        (await recruiter.GetPageAsync($"/Timesheets/Missing?organisation={arranged.OrganisationId}")).Text("#Organisation option[selected]").ShouldBe(arranged.Organisation);

        var csv = await CsvLinesAsync(recruiter, $"/Timesheets/Missing?handler=Export&organisation={arranged.OrganisationId}");
        csv.ShouldBe([
            "Placement,Worker,Supplied by,Job role,Service area,Week starting",
            $"{arranged.PlacementId},{arranged.Worker},{arranged.Supplier},{arranged.JobRole},\"'{arranged.ServiceArea}\",2026-11-16",
        ]);
    }

    [Fact]
    public async Task Underpayments_narrow_to_the_organisation_the_weeks_were_charged_to_or_a_service_on_screen_and_in_their_CSV()
    {
        var arranged = await ArrangeAsync();
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        foreach (var filter in new[] { $"organisation={arranged.OrganisationId}", $"service={arranged.ServiceAreaId}" })
        {
            var page = await recruiter.GetPageAsync($"/Timesheets/Underpaid?{filter}");
            page.QuerySelectorAll("#underpaid tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain(arranged.Worker);
            page.Text("#total").ShouldBe("1 week owed £7.50 in all.");
        }
        (await recruiter.GetPageAsync($"/Timesheets/Underpaid?organisation={HiringOrganisation.CouncilId}")).Text("main").ShouldNotContain(arranged.Worker);

        // 7.5 hours paid at £16.50 are owed the £17.50 in force from that Monday since.
        var csv = await CsvLinesAsync(recruiter, $"/Timesheets/Underpaid?handler=Export&organisation={arranged.OrganisationId}");
        csv.ShouldBe([
            "Placement,Worker,Job role,Service area,Week starting,Hours,Paid (£),Owed (£)",
            $"{arranged.PlacementId},{arranged.Worker},{arranged.JobRole},\"'{arranged.ServiceArea}\",2026-11-09,7.5,123.75,7.50",
        ]);
    }

    [Fact]
    public async Task A_hiring_manager_sees_only_their_own_service_whatever_organisation_or_service_the_address_names()
    {
        var arranged = await ArrangeAsync();
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var own = await manager.GetPageAsync("/Timesheets/Missing");
        own.QuerySelector("#filters").ShouldBeNull("a hiring manager has one service, so nothing to choose");
        own.QuerySelectorAll("#missing tbody tr").Count.ShouldBeGreaterThan(0, "the demo's own service has hours not sent");

        foreach (var path in new[] { "/Timesheets/Missing", "/Timesheets/Missing?handler=Export", "/Timesheets/Underpaid", "/Timesheets/Underpaid?handler=Export", "/Timesheets?status=all", "/Timesheets?handler=Export&status=all" })
        {
            foreach (var filter in new[] { $"organisation={arranged.OrganisationId}", $"service={arranged.ServiceAreaId}" })
            {
                var address = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{filter}";
                var response = await manager.GetAsync(new Uri(address, UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, address);
                (await response.Content.ReadAsStringAsync()).ShouldNotContain(arranged.Worker, Case.Sensitive, address);
            }
        }
        // What the address names is not read for them: their list is their own service's, not an empty one.
        var named = await manager.GetPageAsync($"/Timesheets/Missing?organisation={arranged.OrganisationId}&service={arranged.ServiceAreaId}");
        named.QuerySelectorAll("#missing tbody tr").Count.ShouldBe(own.QuerySelectorAll("#missing tbody tr").Count);
        named.QuerySelector(".govuk-error-summary").ShouldBeNull();
    }

    [Fact]
    public async Task The_timesheets_CSV_has_every_week_the_filters_match_with_money_in_pounds_and_pence_and_hours_as_people_write_them()
    {
        var arranged = await ArrangeAsync();
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var list = await recruiter.GetPageAsync($"/Timesheets?organisation={arranged.OrganisationId}");
        list.QuerySelector("#export")!.GetAttribute("href").ShouldBe($"/Timesheets?handler=Export&status=all&organisation={arranged.OrganisationId}");

        const string heading = "Placement,Worker,Supplied by,Job role,Service area,Week starting,Correction,Status,Hours,\"Charge, or for a correction the change it makes (£)\"";
        var row = $"{arranged.PlacementId},{arranged.Worker},{arranged.Supplier},{arranged.JobRole},\"'{arranged.ServiceArea}\"";
        // Newest week first, as the list; hours not sent are not priced yet, so their charge is blank.
        (await CsvLinesAsync(recruiter, $"/Timesheets?handler=Export&status=all&organisation={arranged.OrganisationId}")).ShouldBe([
            heading,
            $"{row},2026-11-16,No,Not sent,8,",
            string.Create(CultureInfo.InvariantCulture, $"{row},2026-11-09,No,Approved,7.5,{arranged.Charged:0.00}"),
        ]);
        (await CsvLinesAsync(recruiter, $"/Timesheets?handler=Export&status=Approved&service={arranged.ServiceAreaId}")).Skip(1).ShouldHaveSingleItem().ShouldContain(",2026-11-09,");
        (await CsvLinesAsync(recruiter, $"/Timesheets?handler=Export&status=all&week=2026-11-16&organisation={arranged.OrganisationId}")).Skip(1).ShouldHaveSingleItem().ShouldContain(",Not sent,");

        // Unfiltered, it is every timesheet, read a batch at a time: none left out, none twice.
        var every = await PlacementArrangement.QueryAsync(factory, db => db.Timesheets.Count());
        (await CsvLinesAsync(recruiter, "/Timesheets?handler=Export&status=all")).Length.ShouldBe(every + 1);
    }

    [Theory]
    [InlineData("/Timesheets?week=2026-11-18", "Week", "Wednesday 18 November 2026 is not a Monday: enter the Monday its week starts on, 2026-11-16. The timesheets below are for every week")]
    [InlineData("/Timesheets?week=last%20week", "Week", "Enter the week as the date of its Monday, like 2026-11-16. The timesheets below are for every week")]
    [InlineData("/Timesheets?handler=Export&week=16/11/2026", "Week", "Enter the week as the date of its Monday, like 2026-11-16")]
    [InlineData("/Timesheets?handler=Export&organisation=abc", "Organisation", "That organisation is not in the list: the timesheets below are for every organisation")]
    [InlineData("/Timesheets/Missing?handler=Export&organisation=abc", "Organisation", "That organisation is not in the list: the placements below are for every organisation")]
    [InlineData("/Timesheets/Missing?service=999999", "Service", "That service area is not in the list: the placements below are for every service area")]
    [InlineData("/Timesheets/Underpaid?handler=Export&service=x", "Service", "That service area is not in the list: the weeks below are for every service area")]
    [InlineData("/Timesheets/Underpaid?organisation=999999", "Organisation", "That organisation is not in the list: the weeks below are for every organisation")]
    [InlineData("/Placements?handler=Export&organisation=abc", "Organisation", "That organisation is not in the list: the placements below are for every organisation")]
    [InlineData("/Requisitions?handler=Export&organisation=999999", "Organisation", "That organisation is not in the list: the requisitions below are for every organisation")]
    [InlineData("/Conversions?organisation=abc", "Organisation", "That organisation is not in the list: the prompts below are for every organisation")]
    [InlineData("/Timesheets?status=Bogus", "Status", "Choose what to show from the list. The timesheets below are of every status")]
    [InlineData("/Placements?family=Astronaut", "Family", "Job family is not one of the answers this form offers")]
    [InlineData("/Requisitions?handler=Export&status=abc", "Status", "Status is not one of the answers this form offers")]
    [InlineData("/Placements?service=999999", "Service", "That service area is not in the list: the placements below are for every service area")]
    [InlineData("/Reports/Spend?handler=Csv&table=by-service&organisation=abc", "Organisation", "That organisation is not in the list: the figures below are for every organisation")]
    [InlineData("/Reports/Workforce?handler=Csv&table=by-service&organisation=999999", "Organisation", "That organisation is not in the list: the figures below are for every organisation")]
    [InlineData("/Reports/Hours?weeks=abc", "Weeks", "Choose a period from the list: the figures below are for 4 weeks")]
    [InlineData("/Reports/Hours?handler=Csv&table=by-service&weeks=5", "Weeks", "Choose a period from the list: the figures below are for 4 weeks")]
    [InlineData("/Reports/Refusals?months=7", "Months", "Choose a period from the list: the figures below are for 12 months")]
    [InlineData("/Reports/Workforce?handler=Csv&table=social-work&months=abc", "Months", "Choose a period from the list: the figures below are for 12 months")]
    public async Task A_filter_value_that_is_not_one_is_said_at_its_field_and_a_CSV_asked_for_with_it_answers_with_the_page_saying_so(string address, string field, string message)
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        var response = await recruiter.GetAsync(new Uri(address, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await Browsing.ParseAsync(response);
        page.Text($"#{field}-error").ShouldContain(message);
        page.QuerySelector($"#{field}")!.ClassName!.ShouldContain("--error");
        page.Text(".govuk-error-summary").ShouldContain(message);
        page.QuerySelector($".govuk-error-summary a[href='#{field}']").ShouldNotBeNull("the summary links to the field");
    }

    private static async Task<string[]> CsvLinesAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(new Uri(address, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, address);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv", address);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed record Arranged(int OrganisationId, string Organisation, int ServiceAreaId, string ServiceArea, int PlacementId, string Worker, string JobRole, string Supplier, decimal Charged);

    private async Task<Arranged> ArrangeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = new HiringOrganisation($"Lists Test Trust {Guid.NewGuid():N}"[..26], "1 Test Street, Luton LU1 2AA", "Finance team", "finance@trust.example", false, 0m);
        db.Add(organisation);
        await db.SaveChangesAsync();
        // A name a spreadsheet would run as a formula: every export writes it as text.
        var code = $"L{Guid.NewGuid():N}"[..6].ToUpperInvariant();
        var area = new ServiceArea(code, $"=SUM(1+1) {code} service", "Test directorate", false, 10m);
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
        var placement = Placement.Book(requisition, worker, new PlacementBooking(ChargeRates.Price(16.50m, pool.Kind, pool.MarginRate, onCosts), 37m, Start, new DateOnly(2026, 12, 31)),
            null, [], PlacementArrangement.Recruiter, Clocks.Now);
        db.Add(placement);
        await db.SaveChangesAsync();

        var pricing = new TimesheetRates(16.50m, [], pool.Kind, pool.MarginRate, _ => onCosts, (_, _) => 1m);
        var limits = new TimesheetLimits(Start, new DateOnly(2026, 12, 31), Clocks.Today, false, new HashSet<TimesheetLineType>());
        List<TimesheetHours> approvedHours = [new(Approved, TimesheetLineType.Standard, 7.5m)];
        var approved = Timesheet.Start(placement, Approved, TimesheetEnteredAs.Recruiter, PlacementArrangement.Recruiter, organisation.Id);
        approved.Record(approvedHours, limits, PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        approved.Submit(pricing.Price(approvedHours), null, PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        approved.Approve(pricing.Price(approvedHours), null, manager.Email, Clocks.Now.AddDays(-6));
        var saved = Timesheet.Start(placement, LastWeek, TimesheetEnteredAs.Recruiter, PlacementArrangement.Recruiter, organisation.Id);
        saved.Record([new(LastWeek, TimesheetLineType.Standard, 8m)], limits, PlacementArrangement.Recruiter, Clocks.Now);
        db.AddRange(approved, saved);
        // A pay award back-dated to the approved week's Monday, recorded after it was approved: the week is owed the difference.
        placement.ChangeRates(ChargeRates.Price(17.50m, pool.Kind, pool.MarginRate, onCosts), Approved, "Pay award", null, null, PlacementArrangement.Recruiter, Clocks.Now);
        await db.SaveChangesAsync();
        return new Arranged(organisation.Id, organisation.Name, area.Id, area.Name, placement.Id, worker.FullName, role.Title, pool.Name, approved.Charge);
    }
}
