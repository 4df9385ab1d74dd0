using System.Net;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Reports;

/// <summary>The supplier performance page through the real host: its table and CSV, and dates typed wrong refused beside the field.</summary>
public sealed class SupplierReportPagesTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Recruiter = "recruiter@connect2luton.local";

    [Fact]
    public async Task A_recruiter_reads_an_agency_s_figures_on_the_page_and_downloads_every_supplier_as_CSV()
    {
        var agency = await PutForwardThroughANewAgencyAsync();
        var client = await factory.SignedInAsAsync(Recruiter);

        var index = await client.GetPageAsync("/Reports");
        var page = await client.GetPageAsync("/Reports/Suppliers");
        var response = await client.GetAsync(new Uri("/Reports/Suppliers?handler=Csv&table=suppliers&From.Day=1&From.Month=11&From.Year=2026", UriKind.Relative));
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        index.QuerySelector("#reports a[href='/Reports/Suppliers']").ShouldNotBeNull();
        page.Text("#period").ShouldStartWith("How each supplier did from 1 September 2026 to 23 November 2026");
        var cells = page.QuerySelectorAll($"#supplier-{agency}-localsupportingagency td").Select(c => c.TextContent.Trim()).ToList();
        // Released on Thursday at 10:00, answered on Friday at 22:00: a working day and a half; shortlisted, not yet placed.
        cells.ShouldBe(["1", "1", "1.5 working days", "1", "0", "0% (0 of 1)", "0", "–"]);
        page.Text($"#supplier-{agency}-localsupportingagency th .govuk-hint").ShouldBe("Based in Luton");
        page.QuerySelector("#subtotal-inhousepool").ShouldNotBeNull();
        page.QuerySelector("#total").ShouldNotBeNull();
        page.Text("#definitions").ShouldContain("Fill rate");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("supplier-performance-2026-11-01-to-2026-11-23.csv");
        csv[0].ShouldBe("Supplier,Tier,Based in Luton,DPS reference,Requisitions released,Submissions,Requisitions answered,Median working hours to first submission,"
            + "Shortlisted,Placed,Requisitions filled,Fill rate (%),Local residents placed,Average margin a week (£),Margin (% of pay and statutory costs)");
        csv.ShouldContain("Test Luton Agency,Local supporting agency,Yes,,1,1,1,36,1,0,0,0,0,,");
        csv.Count(l => l.StartsWith("In all,", StringComparison.Ordinal)).ShouldBe(4, "a subtotal for each of the three tiers and the total");
        csv[^1].ShouldStartWith("In all,Every tier,,,");
    }

    [Fact]
    public async Task A_hiring_manager_has_no_service_to_choose_and_the_spend_report_counts_workers_in_post_by_tier()
    {
        var manager = await factory.SignedInAsAsync(DemoDataSeeder.DemoManagerEmail);
        var recruiter = await factory.SignedInAsAsync(Recruiter);

        var own = await manager.GetPageAsync("/Reports/Suppliers");
        var spend = await recruiter.GetPageAsync("/Reports/Spend");
        var csv = (await (await recruiter.GetAsync(new Uri("/Reports/Spend?handler=Csv&table=by-tier", UriKind.Relative))).Content.ReadAsStringAsync())
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        own.QuerySelector("select[name=Service]").ShouldBeNull();
        own.QuerySelector("#suppliers").ShouldNotBeNull();
        spend.QuerySelectorAll("#by-tier tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim())
            .ShouldBe(["In-house pool", "Local supporting agency", "External agency"]);
        csv[0].ShouldBe("Supplied through,Agency workers in post,Share of those in post (%),Average margin a week (£),Margin (% of pay and statutory costs)");
        csv.Skip(1).Sum(l => decimal.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(100m, 0.2m);
    }

    [Theory]
    [InlineData("From.Day=31&From.Month=2&From.Year=2026", "From", "The first day must be a real date")]
    [InlineData("From.Day=1&From.Year=2026", "From", "The first day must include a month")]
    [InlineData("To.Day=x&To.Month=%3Cscript%3E&To.Year=2026", "To", "The last day must be a real date, written in numbers")]
    [InlineData("To.Day=1&To.Month=1&To.Year=99999999999999999999", "To", "The last day must be a real date, written in numbers")]
    [InlineData("From.Day=1&From.Month=1&From.Year=1066", "From", "The first day must have a year between 1900 and 2100")]
    [InlineData("From.Day=20&From.Month=11&From.Year=2026&To.Day=1&To.Month=11&To.Year=2026", "To", "The last day must be the same as or after the first day")]
    [InlineData("From.Day=1&From.Month=1&From.Year=2020&To.Day=1&To.Month=1&To.Year=2026&service=abc", "From", "The period can be at most 3 years: choose a later first day")]
    public async Task A_date_typed_wrong_is_refused_beside_its_field_with_no_figures(string query, string field, string message)
    {
        var client = await factory.SignedInAsAsync(Recruiter);

        using var raw = await client.GetAsync(new Uri($"/Reports/Suppliers?{query}", UriKind.Relative));
        var html = await raw.Content.ReadAsStringAsync();
        var page = await Browsing.ParseAsync(raw);
        using var csv = await client.GetAsync(new Uri($"/Reports/Suppliers?handler=Csv&table=suppliers&{query}", UriKind.Relative));

        page.Text($"#{field}-error").ShouldBe($"Error: {message}");
        page.Text(".govuk-error-summary").ShouldContain(message);
        page.Title.ShouldStartWith("Error:");
        page.QuerySelector("#suppliers").ShouldBeNull();
        page.Text("#no-figures").ShouldBe("Correct the period to see the figures.");
        raw.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script>", Case.Sensitive, "what was typed comes back encoded");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", "the page with the message, not a file");
    }

    [Fact]
    public async Task A_table_the_report_does_not_have_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Recruiter);

        using var response = await client.GetAsync(new Uri("/Reports/Suppliers?handler=Csv&table=passwords", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// A new local agency, of a kind no demo agency is (off the DPS, confirming the DfE rules: what is released to its
    /// kind is its alone), a requisition like one of the demo's open ones released to it on Thursday 19 November at
    /// 10:00, and a candidate of its put forward on Friday at 22:00 and shortlisted: written straight to the database.
    /// </summary>
    private async Task<int> PutForwardThroughANewAgencyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agency = new SupplyAgency("Test Luton Agency", SupplyAgencyKind.LocalSupportingAgency, 0.10m, isLocal: true, dpsReference: null);
        agency.RecordDfeAgencyRules(true);
        db.Add(agency);
        var model = await db.Requisitions.Where(r => r.Status == RequisitionStatus.Open).OrderBy(r => r.Id).FirstAsync();
        var requisition = A.Requisition().In(model.ServiceAreaId, model.JobRoleId, model.HiringManagerId).Open();
        db.Add(requisition);
        await db.SaveChangesAsync();
        var family = await db.JobRoles.Where(r => r.Id == requisition.JobRoleId).Select(r => r.JobFamily).SingleAsync();
        await db.SaveChangesAsync();
        var worker = A.Worker().InFamily(family).SuppliedBy(agency.Id).LivingIn("MK45 2AA").Build();
        db.Add(worker);
        var release = new SupplierRelease(requisition.Id);
        var released = new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero);
        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(agency), 1)], "schedule", released, new string('0', 64));
        db.Add(release);
        await db.SaveChangesAsync();
        var submitted = new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero);
        var submission = new Submission(requisition.Id, agency.Id, agency.Kind, worker.Id, "staff@agency.test", submitted, submitted.AddDays(28));
        submission.Shortlist("recruiter@connect2luton.local", submitted.AddHours(12));
        db.Add(submission);
        await db.SaveChangesAsync();
        return agency.Id;
    }
}
