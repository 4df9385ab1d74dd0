using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Reports;

/// <summary>The spend report over a hand-built dataset: the committed spend, the saving against external margins and the long-running list worked out by hand.</summary>
public sealed class SpendReportTests : IAsyncLifetime
{
    private static readonly DateOnly Today = Clocks.Today;
    private SqliteTestDatabase _database = null!;
    private ReferenceData _childrens = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _childrens = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
        // External agencies at 20% and 30%: an average external margin of 25%.
        var agencyA = new SupplyAgency("Agency A", SupplyAgencyKind.ExternalAgency, 0.20m, isLocal: false, dpsReference: null);
        var agencyB = new SupplyAgency("Agency B", SupplyAgencyKind.ExternalAgency, 0.30m, isLocal: false, dpsReference: null);
        db.Add(agencyA, agencyB);
        await db.SaveAsync();

        // In-house: £20 pay, £2 holiday pay, £3 NI, £0.60 pension, £1.54 margin: £27.14 an hour.
        await PlaceAsync(db, _childrens.Agency.Id, new PlacementRates(20m, 2m, 3m, 0.60m, 1.54m), Today.AddDays(-30));
        // Agency A: £30 pay, £3 holiday pay, £5 NI, £7.60 margin: £45.60 an hour, in post 400 days.
        await PlaceAsync(db, agencyA.Id, new PlacementRates(30m, 3m, 5m, 0m, 7.60m), Today.AddDays(-400));
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Committed_spend_the_saving_against_external_margins_and_each_long_runner_against_the_permanent_post_add_up()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();

        var spend = await scope.ServiceProvider.GetRequiredService<SpendReport>().GetAsync(null, CancellationToken.None);

        spend.WeeklyCost.ShouldBe(2_691.38m);              // (27.14 + 45.60) x 37
        spend.YearlyCost.ShouldBe(139_951.76m);            // x 52
        spend.BySupplier.Select(s => (s.Name, s.WeeklyCost, s.WeeklyMargin)).ShouldBe([("Agency A", 1_687.20m, 281.20m), (_childrens.Agency.Name, 1_004.18m, 56.98m)]);
        spend.ExternalMarginRate.ShouldBe(0.25m);
        var inHouse = spend.Margins.Single(m => m.Kind == SupplyAgencyKind.InHousePool);
        inHouse.WeeklyCharged.ShouldBe(1_004.18m);
        inHouse.WeeklyAtExternalMargins.ShouldBe(1_156.25m);  // £25 pay and statutory costs x 37, plus 25%
        inHouse.WeeklySaving.ShouldBe(152.07m);
        inHouse.YearlySaving.ShouldBe(7_907.64m);
        spend.Margins.Single(m => m.Kind == SupplyAgencyKind.LocalSupportingAgency).WeeklySaving.ShouldBe(0m, "none are placed through local agencies");
        var longRunner = spend.LongRunning.ShouldHaveSingleItem();
        spend.LongRunningCount.ShouldBe(1);
        longRunner.YearlyAgencyCost.ShouldBe(87_734.40m);     // 45.60 x 37 x 52
        longRunner.YearlyPermanentCost.ShouldBe(54_268.50m);  // mid-point of £39,027 to £44,463, plus the rules' 30% on-costs
        longRunner.YearlyExtra.ShouldBe(33_465.90m);
    }

    [Fact]
    public async Task Workers_in_post_are_counted_by_tier_with_their_share_and_the_margin_in_an_average_week()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();

        var spend = await scope.ServiceProvider.GetRequiredService<SpendReport>().GetAsync(null, CancellationToken.None);

        spend.ByTier.Select(t => (t.Tier, t.Headcount, t.Share, t.AverageWeeklyMargin)).ShouldBe(
        [
            (SupplyAgencyKind.InHousePool, 1, 0.5m, 56.98m),           // £1.54 x 37
            (SupplyAgencyKind.LocalSupportingAgency, 0, 0m, null),
            (SupplyAgencyKind.ExternalAgency, 1, 0.5m, 281.20m),        // £7.60 x 37
        ]);
        spend.ByTier[0].MarginRate!.Value.ShouldBe(56.98m / 925m);       // of £25 pay, holiday pay and NI x 37
        spend.ByTier[2].MarginRate.ShouldBe(0.2m);                       // £7.60 on £38
    }

    [Fact]
    public async Task A_hiring_manager_of_another_service_sees_no_spend()
    {
        var manager = new TestUser("manager@test.local", [Roles.HiringManager], _childrens.Area.Id + 100);
        await using var services = TestServices.For(_database, user: manager);
        await using var scope = services.CreateAsyncScope();

        var spend = await scope.ServiceProvider.GetRequiredService<SpendReport>().GetAsync(_childrens.Area.Id, CancellationToken.None);

        spend.WeeklyCost.ShouldBe(0m);
        spend.BySupplier.ShouldBeEmpty();
        spend.LongRunning.ShouldBeEmpty();
    }

    private async Task PlaceAsync(TestData db, int agencyId, PlacementRates rates, DateOnly start)
    {
        var requisition = A.Requisition().In(_childrens.Area.Id, _childrens.Role.Id, _childrens.Manager.Id).Starting(start).Open();
        var worker = A.Worker().SuppliedBy(agencyId).Build();
        db.Add(requisition, worker);
        await db.SaveAsync();
        db.Add(Placement.Book(requisition, worker, new PlacementBooking(rates, 37m, start, Today.AddDays(60)), null, [], "r", Clocks.Now));
    }
}
