using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Reports;

/// <summary>The workforce report over a small hand-built dataset whose right answers are worked out by hand.</summary>
public sealed class WorkforceReportTests : IAsyncLifetime
{
    // £30 pay, £3 holiday pay, £5 NI, £2 margin: a £40 charge. A new one each time: EF owns each placement's rates.
    private static PlacementRates FortyPounds => new(30m, 3m, 5m, 0m, 2m);
    private static readonly DateOnly Today = Clocks.Today;
    private SqliteTestDatabase _database = null!;
    private ReferenceData _childrens = null!;
    private ReferenceData _housing = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _childrens = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
        _housing = await ReferenceData.SaveAsync(db, A.ServiceArea("HOU", childrens: false), A.Role(JobFamily.Housing));
        var firstMonthEnd = WorkforceReport.MonthEnds(Today, 3)[0];

        await PlaceAsync(db, _childrens, Today.AddDays(-100), 37m);                 // 14 weeks in: 12 weeks to 6 months
        await PlaceAsync(db, _childrens, Today.AddDays(-400), 18.5m);               // over 12 months, half time
        var ended = await PlaceAsync(db, _childrens, Today.AddDays(-300), 37m);     // ended on the first month's last day
        ended.End(firstMonthEnd, "Completed", "r", Clocks.Now);
        await PlaceAsync(db, _housing, Today.AddDays(-10), 37m);                    // under 12 weeks
        await PlaceAsync(db, _housing, Today.AddDays(5), 37m);                      // booked, not started: not in post
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Workers_in_post_are_counted_with_their_FTE_and_committed_cost_by_service_family_and_length_with_the_social_work_trend()
    {
        var figures = await ReportAsync(TestUser.Recruiter, serviceAreaId: null);

        figures.Headcount.ShouldBe(3);
        figures.Fte.ShouldBe(2.5m, "37 + 18.5 + 37 hours over a 37-hour week");
        figures.ByService.Select(s => (s.Name, s.Headcount, s.Fte, s.WeeklyCost, s.YearlyCost)).OrderBy(s => s.Name).ShouldBe(new[]
        {
            (_childrens.Area.Name, 2, 1.5m, 2_220.00m, 115_440.00m),  // £40 x 55.5 hours, x 52
            (_housing.Area.Name, 1, 1.0m, 1_480.00m, 76_960.00m),
        }.OrderBy(s => s.Item1));
        figures.ByJobFamily.Select(f => (f.Name, f.Headcount)).ShouldBe([("Housing", 1), ("SocialCare", 2)]);
        figures.LengthBands.Select(b => b.Placements).ShouldBe([1, 1, 0, 1]);
        figures.SocialWork.Count.ShouldBe(2);
        figures.SocialWork.Fte.ShouldBe(1.5m);
        figures.SocialWork.EstablishmentFte.ShouldBe(100m);
        figures.SocialWork.ShareOfEstablishment.ShouldBe(0.015m);
        figures.SocialWork.Trend.Select(m => (m.On, m.Placements)).ShouldBe(WorkforceReport.MonthEnds(Today, 3).Zip([3, 2, 2]));
    }

    [Fact]
    public async Task A_hiring_manager_sees_only_their_own_service_whatever_service_they_ask_for()
    {
        var manager = new TestUser("manager@test.local", [Roles.HiringManager], _housing.Area.Id);

        var figures = await ReportAsync(manager, serviceAreaId: _childrens.Area.Id);

        figures.ServiceAreaId.ShouldBe(_housing.Area.Id);
        figures.Headcount.ShouldBe(1);
        figures.ByService.ShouldHaveSingleItem().Name.ShouldBe(_housing.Area.Name);
        figures.SocialWork.Count.ShouldBe(0);
        figures.SocialWork.Trend.ShouldAllBe(m => m.Placements == 0);
    }

    private async Task<WorkforceFigures> ReportAsync(ICurrentUser user, int? serviceAreaId)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkforceReport>().GetAsync(serviceAreaId, 3, CancellationToken.None);
    }

    private static async Task<Placement> PlaceAsync(TestData db, ReferenceData where, DateOnly start, decimal hours)
    {
        var requisition = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Starting(start).Open();
        var worker = A.Worker().SuppliedBy(where.Agency.Id).Build();
        db.Add(requisition, worker);
        await db.SaveAsync();
        var placement = Placement.Book(requisition, worker, new PlacementBooking(FortyPounds, hours, start, Today.AddDays(60)), null, [], "r", Clocks.Now);
        db.Add(placement);
        return placement;
    }
}
