using System.Net;
using Connect2Luton.Domain.Requisitions;
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
        var staff = await factory.SignedInAsAsync(Wardown);

        using var home = await staff.GetAsync(new Uri("/", UriKind.Relative));
        home.Headers.Location!.OriginalString.ShouldBe("/Agency");
        var portal = await staff.GetPageAsync("/Agency");
        portal.QuerySelectorAll("#navigation a").Select(a => a.TextContent.Trim()).ShouldBe(["Vacancies", "Your candidates", "Put forward"]);
        portal.QuerySelectorAll("#vacancies a").Select(a => a.GetAttribute("href")).ShouldContain($"/Agency/Vacancies/{mine.Requisition}");

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

    private async Task<((int Requisition, int Candidate, int Submission) Mine, (int Requisition, int Candidate, int Submission) Theirs, int Unreleased)> SamplesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var released = await db.SupplierReleases.Select(r => r.RequisitionId).ToListAsync();
        var open = await db.Requisitions.Where(r => r.Status == RequisitionStatus.Open && r.PositionsFilled < r.Positions && !released.Contains(r.Id))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(3).ToListAsync();
        var mine = await AgencySamples.PutForwardAsync(db, open[0], Wardown, factory.Clock.GetUtcNow());
        var theirs = await AgencySamples.PutForwardAsync(db, open[1], Chiltern, factory.Clock.GetUtcNow());
        return (mine, theirs, open[2]);
    }
}
