using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Web.Tests.Lists;

/// <summary>Lists, their exports and the reports narrowed to one hiring organisation's services.</summary>
public sealed class OrganisationFilterTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task The_placements_export_has_every_placement_once_in_the_lists_order()
    {
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var every = await PlacementArrangement.QueryAsync(factory, db => db.Placements.Count());

        var csv = await (await recruiter.GetAsync(new Uri("/Placements?handler=Export&show=All", UriKind.Relative))).Content.ReadAsStringAsync();
        var ids = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => int.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var first = await recruiter.GetPageAsync("/Placements?show=All");
        var listed = first.QuerySelectorAll("table.govuk-table tbody tr a[href^='/Placements/']").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

        ids.Count.ShouldBe(every);
        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.Take(listed.Count).ShouldBe(listed, "the export is in the list's order");
    }

    [Fact]
    public async Task The_placements_list_its_export_and_a_report_filtered_by_organisation_show_only_that_organisations_services()
    {
        var (trust, service, live) = await PlacementArrangement.QueryAsync(factory, db =>
        {
            var organisation = db.Set<Domain.HiringOrganisations.HiringOrganisation>().AsNoTracking().Single(o => o.Name == "Lea Valley Learning Trust");
            var area = db.ServiceAreas.AsNoTracking().Single(a => a.HiringOrganisationId == organisation.Id);
            return (organisation.Id, area.Name, db.Placements.Count(p => p.ServiceAreaId == area.Id && p.Status == Domain.Placements.PlacementStatus.Active));
        });
        live.ShouldBeGreaterThan(0);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        var list = await recruiter.GetPageAsync($"/Placements?organisation={trust}");
        var rows = list.QuerySelectorAll("table.govuk-table tbody tr");
        rows.Count.ShouldBe(live);
        rows.ShouldAllBe(r => r.TextContent.Contains(service));
        list.QuerySelector("#Organisation option[selected]")!.TextContent.ShouldBe("Lea Valley Learning Trust");

        var csv = await (await recruiter.GetAsync(new Uri($"/Placements?handler=Export&organisation={trust}", UriKind.Relative))).Content.ReadAsStringAsync();
        csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(live + 1);

        var workforce = await recruiter.GetPageAsync($"/Reports/Workforce?organisation={trust}");
        workforce.Text("#headcount .app-figure__value").ShouldBe(live.ToString("N0"));
        workforce.QuerySelectorAll("#by-service tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain(service);
        workforce.Text("main").ShouldContain("in Lea Valley Learning Trust");
        var spend = await recruiter.GetPageAsync($"/Reports/Spend?organisation={trust}");
        var downloads = spend.QuerySelectorAll("a[href*='handler=Csv']");
        downloads.Length.ShouldBeGreaterThan(0);
        downloads.ShouldAllBe(a => a.GetAttribute("href")!.Contains($"organisation={trust}"), "each table downloads as it is shown");

        var unknown = await recruiter.GetPageAsync("/Reports/Spend?organisation=999999");
        unknown.Text(".govuk-error-summary").ShouldContain("That organisation is not in the list");
    }
}
