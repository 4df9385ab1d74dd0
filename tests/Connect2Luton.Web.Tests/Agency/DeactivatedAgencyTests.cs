using System.Net;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Agency;

/// <summary>The demo app with the second demo agency deactivated: its own database, as the change is for every test in it.</summary>
public sealed class DeactivatedAgencyTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private static readonly (string Email, string Name, string Agency) Chiltern = IdentitySeeder.DemoAgencyStaff[1];

    [Fact]
    public async Task Staff_of_a_deactivated_agency_see_nothing_released_and_are_not_offered_a_form_to_add_a_candidate()
    {
        var staff = await factory.SignedInAsAsync(Chiltern.Email);
        (await staff.GetPageAsync("/Agency")).QuerySelector("#vacancies").ShouldNotBeNull("released to its kind while the agency is in use");
        using (var form = await staff.GetAsync(new Uri("/Agency/Candidates/New", UriKind.Relative)))
            form.StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.SupplyAgencies.SingleAsync(a => a.Name == Chiltern.Agency)).Deactivate();
            await db.SaveChangesAsync();
        }

        var portal = await staff.GetPageAsync("/Agency");
        portal.QuerySelector("#vacancies").ShouldBeNull();
        portal.QuerySelector("#no-vacancies").ShouldNotBeNull();
        using var none = await staff.GetAsync(new Uri("/Agency/Candidates/New", UriKind.Relative));
        none.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
