using System.Net;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Agency;

public sealed class AgencyPortalTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private static readonly string Wardown = IdentitySeeder.DemoAgencyStaff[0].Email;
    private static readonly string Chiltern = IdentitySeeder.DemoAgencyStaff[1].Email;

    [Fact]
    public async Task Agency_staff_find_nothing_of_the_council_nor_another_agency_and_no_vacancy_not_released_to_them()
    {
        var (mine, theirs, unreleased) = await SamplesAsync();
        var staff = await factory.SignedInAsAsync(Chiltern);

        using var home = await staff.GetAsync(new Uri("/", UriKind.Relative));
        home.Headers.Location!.OriginalString.ShouldBe("/Agency");
        var portal = await staff.GetPageAsync("/Agency");
        portal.QuerySelectorAll("#navigation a").Select(a => a.TextContent.Trim()).ShouldBe(["Vacancies", "Your candidates", "Put forward", "Timesheets"]);

        foreach (var path in new[]
        {
            $"/Agency/Vacancies/{unreleased}", $"/Agency/Vacancies/{theirs.Requisition}", $"/Agency/Submissions/{theirs.Submission}/Withdraw",
            $"/Agency/Candidates/{theirs.Candidate}", $"/Requisitions/{mine.Requisition}", "/Workers", "/Reports", "/Rules", "/Placements",
        })
        {
            using var response = await staff.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
        var vacancy = await staff.GetPageAsync($"/Agency/Vacancies/{mine.Requisition}");
        vacancy.QuerySelectorAll("#submissions tbody tr").ShouldHaveSingleItem().GetAttribute("data-submission").ShouldBe(mine.Submission.ToString());
        vacancy.Body!.TextContent.ShouldNotContain("Demo hiring manager");
    }

    /// <summary>
    /// A requisition released to the second demo agency's kind with its candidate put forward; a children's social
    /// work requisition released only to agencies confirming the DfE rules (as the first demo agency does, and the
    /// second does not), with the first agency's candidate; and a draft, released to nobody.
    /// </summary>
    private async Task<((int Requisition, int Candidate, int Submission) Mine, (int Requisition, int Candidate, int Submission) Theirs, int Unreleased)> SamplesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agencyId = await db.Users.Where(u => u.Email == Chiltern).Select(u => u.SupplyAgencyId).SingleAsync();
        var profile = AgencyProfile.Of(await db.SupplyAgencies.SingleAsync(a => a.Id == agencyId));
        var seen = await db.Set<ReleasedProfile>()
            .Where(p => p.Tier == profile.Tier && p.OnDps == profile.OnDps && p.ConfirmsDfeAgencyRules == profile.ConfirmsDfeAgencyRules)
            .Select(p => p.RequisitionId).ToListAsync();
        var socialWork = await db.JobRoles.Where(r => r.DfeRoleType != null).Select(r => r.Id).ToListAsync();
        var open = db.Requisitions.Where(r => r.Status == RequisitionStatus.Open && r.PositionsFilled < r.Positions).OrderBy(r => r.Id);
        var forThem = await open.Where(r => socialWork.Contains(r.JobRoleId) && !seen.Contains(r.Id)).Select(r => r.Id).FirstAsync();
        var forMe = await open.Where(r => r.Id != forThem).Select(r => r.Id).FirstAsync();
        var draft = await db.Requisitions.Where(r => r.Status == RequisitionStatus.Draft).Select(r => r.Id).FirstAsync();
        var mine = await AgencySamples.PutForwardAsync(db, forMe, Chiltern, factory.Clock.GetUtcNow());
        var theirs = await AgencySamples.PutForwardAsync(db, forThem, Wardown, factory.Clock.GetUtcNow());
        return (mine, theirs, draft);
    }
}
