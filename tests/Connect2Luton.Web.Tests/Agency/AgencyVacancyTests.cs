using AngleSharp.Dom;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Agency;

public sealed class AgencyVacancyTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private static readonly string Chiltern = IdentitySeeder.DemoAgencyStaff[1].Email;

    [Fact]
    public async Task A_vacancy_offers_only_candidates_who_could_be_put_forward_and_past_two_hundred_asks_for_a_name()
    {
        var (vacancy, putForward, others) = await SamplesAsync();
        var staff = await factory.SignedInAsAsync(Chiltern);

        var page = await staff.GetPageAsync($"/Agency/Vacancies/{vacancy}");
        var offered = Offered(page);
        offered.Count.ShouldBe(AgencyCandidates.MostChoices);
        offered.ShouldNotContain(putForward.ToString(System.Globalization.CultureInfo.InvariantCulture));
        offered.Intersect(others).ShouldBeEmpty("another job family, another register, a lower DBS check, or no longer in use");
        page.QuerySelector("#find-candidate input[name=name]").ShouldNotBeNull();

        var found = await staff.GetPageAsync($"/Agency/Vacancies/{vacancy}?name=Zyl");
        Offered(found).Count.ShouldBe(5);
        found.QuerySelectorAll("#put-forward option").Skip(1).ShouldAllBe(o => o.TextContent.Contains("Zyla", StringComparison.Ordinal));
        (await staff.GetPageAsync($"/Agency/Vacancies/{vacancy}?name=Nobody")).QuerySelector("#no-candidates").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_agency_candidates_list_is_read_a_page_at_a_time_by_surname_and_narrowed_by_name()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var agency = (await db.Users.Where(u => u.Email == Chiltern).Select(u => u.SupplyAgencyId).SingleAsync())!.Value;
            foreach (var i in Enumerable.Range(0, 30).Reverse())
            {
                var worker = A.Worker().SuppliedBy(agency).Named($"Quorndon{i:00}").BornOn(new DateOnly(1990, 1, 1)).Build();
                worker.KeepByAgency();
                db.Workers.Add(worker);
            }
            var gone = A.Worker().SuppliedBy(agency).Named("Quorndongone").BornOn(new DateOnly(1990, 1, 1)).Build();
            gone.KeepByAgency();
            gone.Deactivate();
            // Supplied by the agency but kept by the council in its pool: the council's record, not the agency's.
            db.Workers.AddRange(gone, A.Worker().SuppliedBy(agency).Named("Quorndonpool").Build());
            await db.SaveChangesAsync();
        }
        var staff = await factory.SignedInAsAsync(Chiltern);

        var first = await staff.GetPageAsync("/Agency/Candidates?name=quorndon");
        first.QuerySelector("#result-count")!.TextContent.ShouldContain("30 candidates");
        Surnames(first).ShouldBe(Enumerable.Range(0, 25).Select(i => $"Quorndon{i:00}"));
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        next.ShouldContain("name=quorndon");
        Surnames(await staff.GetPageAsync(next)).ShouldBe(Enumerable.Range(25, 5).Select(i => $"Quorndon{i:00}"));
    }

    private static IEnumerable<string> Surnames(IDocument page) =>
        page.QuerySelectorAll("#candidates tbody tr td:first-child a").Select(a => a.TextContent.Trim().Split(' ')[^1]);

    private static List<string> Offered(IDocument page) =>
        [.. page.QuerySelectorAll("#put-forward select[name='Input.WorkerId'] option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0)];

    /// <summary>
    /// An open Social Work England vacancy released to the agency with one candidate put forward; 210 more candidates
    /// who could be (five of them Zylas), and one each in another job family, on another register, with a lower DBS check and deactivated.
    /// </summary>
    private async Task<(int Vacancy, int PutForward, IReadOnlyList<string> Others)> SamplesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var roles = await db.JobRoles.Where(r => r.RequiredRegistration == RegistrationBody.SocialWorkEngland).Select(r => r.Id).ToListAsync();
        var vacancy = await db.Requisitions.Where(r => r.Status == RequisitionStatus.Open && r.PositionsFilled < r.Positions && roles.Contains(r.JobRoleId))
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var mine = await AgencySamples.PutForwardAsync(db, vacancy, Chiltern, factory.Clock.GetUtcNow());
        var agency = (await db.Users.Where(u => u.Email == Chiltern).Select(u => u.SupplyAgencyId).SingleAsync())!.Value;

        Worker Candidate(string lastName, JobFamily family = JobFamily.SocialCare)
        {
            var worker = A.Worker().InFamily(family).SuppliedBy(agency).Named(lastName).BornOn(new DateOnly(1990, 1, 1)).WithChecks().Build();
            worker.KeepByAgency();
            db.Workers.Add(worker);
            return worker;
        }
        for (var i = 0; i < 205; i++) Candidate($"Candidate{i:000}");
        for (var i = 0; i < 5; i++) Candidate("Zyla");
        var housing = Candidate("Zylahousing", JobFamily.Housing);
        var otherRegister = Candidate("Zylaregister");
        otherRegister.RecordRegistration(new ProfessionalRegistration(RegistrationBody.HealthAndCareProfessionsCouncil, "OT12345", new DateOnly(2028, 6, 30)));
        var gone = Candidate("Zylagone");
        gone.Deactivate();
        // The demo's social work roles need an enhanced certificate with the barred lists.
        var lowerDbs = Candidate("Zylalower");
        lowerDbs.RecordDbs(new DbsCheck(new DateOnly(2025, 3, 3), DbsLevel.Enhanced, "001234567892", onUpdateService: true));
        await db.SaveChangesAsync();
        return (vacancy, mine.Candidate, [.. new[] { housing, otherRegister, gone, lowerDbs }.Select(w => w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }
}
