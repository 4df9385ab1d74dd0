using System.Globalization;
using System.Net;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Requisitions;

/// <summary>The demo app with the 15-minute release out of the way, so only what the page does is released.</summary>
public sealed class SupplierReleaseFactory : Connect2LutonFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Scheduling:ReleaseRequisitions", "0 0 0 1 1 ? 2099")];
}

/// <summary>
/// A recruiter releasing a requisition early or holding it back from its page, through the real host: a children's
/// social worker requisition approved this morning, which the in-house pool (with matching workers) has alone.
/// </summary>
public sealed class SupplierReleaseTests(SupplierReleaseFactory factory) : IClassFixture<SupplierReleaseFactory>
{
    private const string Recruiter = "recruiter@connect2luton.local";

    [Fact]
    public async Task A_recruiter_releases_early_to_local_supporting_agencies_saying_why_and_the_page_says_when_to_how_many_and_why()
    {
        var id = await ApprovedThisMorningAsync();
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var before = await recruiter.GetPageAsync($"/Requisitions/{id}");
        before.Text("#tier-LocalSupportingAgency dd").ShouldBe("Not yet");

        var released = await recruiter.SubmitAsync(before, new Dictionary<string, string> { ["Local.Reason"] = "Nobody in the pool is free before the start" },
            $"/Requisitions/{id}?handler=ReleaseLocal");

        released.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await recruiter.GetPageAsync($"/Requisitions/{id}");
        page.Text(".govuk-notification-banner").ShouldContain("Released to local supporting agencies");
        // Children's social work: only the three local agencies that confirm the DfE agency rules.
        page.Text("#tier-LocalSupportingAgency dd").ShouldBe("Since 23 November 2026 at 10:00, 3 agencies, released early by recruiter@connect2luton.local: Nobody in the pool is free before the start");
        page.Text("#tier-InHousePool").ShouldContain("by the release rules (version ");
        page.Text("#tier-ExternalAgency dd").ShouldBe("Not yet");
        page.QuerySelector("#release-local").ShouldBeNull("every local agency the rules allow already sees it");
        var release = await ReleaseAsync(id);
        release.Steps.Select(s => (s.Kind, s.Tier, s.AgencyCount)).ShouldBe([(ReleaseStepKind.Released, SupplyAgencyKind.InHousePool, 0), (ReleaseStepKind.ReleasedEarly, SupplyAgencyKind.LocalSupportingAgency, 3)]);

        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");
        var theirs = await manager.GetPageAsync($"/Requisitions/{id}");
        theirs.Text("#tier-LocalSupportingAgency").ShouldContain("3 agencies");
        theirs.QuerySelector("#supplier-release form").ShouldBeNull("only recruiters release or hold back");
    }

    [Fact]
    public async Task An_agency_list_read_before_a_release_shows_the_requisition_at_once_after_it_in_start_date_order()
    {
        var id = await ApprovedThisMorningAsync();
        // The first demo agency: local, on the DPS, confirming the DfE agency rules, so children's social work reaches it.
        var agency = await factory.SignedInAsAsync("agency@connect2luton.local");
        var before = await VacancyIdsAsync(agency);
        before.ShouldNotContain(id);

        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var released = await recruiter.SubmitAsync(await recruiter.GetPageAsync($"/Requisitions/{id}"),
            new Dictionary<string, string> { ["Local.Reason"] = "Nobody in the pool is free before the start" }, $"/Requisitions/{id}?handler=ReleaseLocal");
        released.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await VacancyIdsAsync(agency);
        after.ShouldBe([.. before, id], ignoreOrder: true);
        await using var scope = factory.Services.CreateAsyncScope();
        var starts = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Requisitions.Where(r => after.Contains(r.Id))
            .Select(r => new { r.Id, r.StartDate }).ToListAsync();
        after.ShouldBe([.. starts.OrderBy(r => r.StartDate).ThenBy(r => r.Id).Select(r => r.Id)], "soonest start first, across its pages");
    }

    [Fact]
    public async Task A_reason_left_out_is_refused_beside_its_field_and_a_page_read_before_someone_else_held_it_back_is_refused_changing_nothing()
    {
        var id = await ApprovedThisMorningAsync();
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var stale = await recruiter.GetPageAsync($"/Requisitions/{id}");

        var blank = await Browsing.ParseAsync(await recruiter.SubmitAsync(stale, new Dictionary<string, string> { ["Local.Reason"] = "  " }, $"/Requisitions/{id}?handler=ReleaseLocal"));
        blank.Text("#Local_Reason-error").ShouldBe("Error: Enter why it is released early");
        blank.QuerySelector("#release-local")!.HasAttribute("open").ShouldBeTrue("the form with the problem is open to put it right");
        (await HasReleaseAsync(id)).ShouldBeFalse();

        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var held = await admin.SubmitAsync(await admin.GetPageAsync($"/Requisitions/{id}"), new Dictionary<string, string> { ["Hold.Reason"] = "Interviewing an in-house worker on Friday" },
            $"/Requisitions/{id}?handler=Hold");
        held.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await recruiter.SubmitAsync(stale, new Dictionary<string, string> { ["Local.Reason"] = "Nobody in the pool is free" }, $"/Requisitions/{id}?handler=ReleaseLocal");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browsing.ParseAsync(refused);
        page.Text(".govuk-error-summary").ShouldContain("Someone else released or held back this requisition while you were looking at it");
        page.Text("#hold").ShouldContain("Interviewing an in-house worker on Friday");
        (await ReleaseAsync(id)).Steps.ShouldHaveSingleItem().Kind.ShouldBe(ReleaseStepKind.Held);

        var lifted = await recruiter.SubmitAsync(page, new Dictionary<string, string> { ["Lift.Reason"] = "The interview was cancelled" }, $"/Requisitions/{id}?handler=LiftHold");
        lifted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReleaseAsync(id)).IsHeld.ShouldBeFalse();
    }

    /// <summary>Every vacancy on an agency's list, page by page, in the order shown.</summary>
    private static async Task<List<int>> VacancyIdsAsync(HttpClient agency)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var list = await agency.GetPageAsync($"/Agency?page={page}");
            ids.AddRange(list.QuerySelectorAll("#vacancies tbody tr").Select(r => int.Parse(r.GetAttribute("data-vacancy")!, CultureInfo.InvariantCulture)));
            // A page past the end is the last page again: the walk ends where the list offers no next page.
            if (list.QuerySelector(".govuk-pagination__next a") is null) return ids;
        }
    }

    /// <summary>A requisition like the demo's children's social worker ones, approved at the fixed clock's 10:00.</summary>
    private async Task<int> ApprovedThisMorningAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var model = await db.Requisitions.FirstAsync(r => r.Status == RequisitionStatus.Open && r.ServiceAreaId == db.ServiceAreas.Single(a => a.Code == "CSC").Id
            && db.JobRoles.Any(j => j.Id == r.JobRoleId && j.DfeRoleType != null));
        var requisition = A.Requisition().In(model.ServiceAreaId, model.JobRoleId, model.HiringManagerId).Starting(Clocks.Today.AddDays(28)).Open();
        db.Add(requisition);
        await db.SaveChangesAsync();
        return requisition.Id;
    }

    private async Task<bool> HasReleaseAsync(int requisitionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SupplierReleases.AnyAsync(r => r.RequisitionId == requisitionId);
    }

    private async Task<SupplierRelease> ReleaseAsync(int requisitionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SupplierReleases.Include(r => r.Steps).AsNoTracking().SingleAsync(r => r.RequisitionId == requisitionId);
    }
}
