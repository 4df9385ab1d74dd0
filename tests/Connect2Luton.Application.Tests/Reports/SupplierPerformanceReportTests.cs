using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Reports;

/// <summary>
/// The supplier report over a hand-built November 2026: the in-house pool, a local supporting agency on the DPS and an
/// external agency, each requisition released, answered, shortlisted, declined, withdrawn and booked on a day chosen
/// to sit inside or outside the period, and every figure worked out by hand.
/// </summary>
public sealed class SupplierPerformanceReportTests : IAsyncLifetime
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 20);
    private SqliteTestDatabase _database = null!;
    private ReferenceData _childrens = null!;
    private int _housing;
    private SupplyAgency _local = null!;
    private SupplyAgency _external = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _childrens = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
        var housing = A.ServiceArea("HSG", childrens: false);
        _local = new SupplyAgency("Luton Care Partners", SupplyAgencyKind.LocalSupportingAgency, 0.10m, isLocal: true, dpsReference: "DPS-014");
        _external = new SupplyAgency("National Social Work Ltd", SupplyAgencyKind.ExternalAgency, 0.20m, isLocal: false, dpsReference: null);
        db.Add(housing, _local, _external);
        await db.SaveAsync();
        _housing = housing.Id;
        var housingManager = A.Manager(housing.Id);
        db.Add(housingManager);
        await db.SaveAsync();

        Requisition Requisition(int area, int manager) => A.Requisition().In(area, _childrens.Role.Id, manager).Starting(new DateOnly(2026, 12, 7)).Open();
        var r1 = Requisition(_childrens.Area.Id, _childrens.Manager.Id);
        var r2 = Requisition(_childrens.Area.Id, _childrens.Manager.Id);
        var r3 = Requisition(_childrens.Area.Id, _childrens.Manager.Id);
        var r4 = Requisition(housing.Id, housingManager.Id);
        var w1 = A.Worker().SuppliedBy(_local.Id).LivingIn("LU2 7AB").Build();        // local resident, placed through the local agency
        var w2 = A.Worker().SuppliedBy(_local.Id).LivingIn("LU5 4QQ").Build();        // Dunstable: nearby, not Luton
        var w3 = A.Worker().SuppliedBy(_external.Id).LivingIn("LU1 3JH").Build();
        var w4 = A.Worker().SuppliedBy(_local.Id).LivingIn("MK45 2AA").Build();
        var w5 = A.Worker().SuppliedBy(_childrens.Agency.Id).LivingIn("LU3 2RT").Build(); // the in-house pool's, a local resident
        var w6 = A.Worker().SuppliedBy(_local.Id).LivingIn("LU4 9XX").Build();
        db.Add(r1, r2, r3, r4, w1, w2, w3, w4, w5, w6);
        await db.SaveAsync();

        const string Version = "0000000000000000000000000000000000000000000000000000000000000000";
        var release1 = new SupplierRelease(r1.Id);
        release1.Release(SupplyAgencyKind.InHousePool, [new(AgencyProfile.InHousePool, 0)], "schedule", At(2, 9), Version);           // Monday 2 November
        release1.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_local), 1)], "schedule", At(4, 9), Version);
        release1.Release(SupplyAgencyKind.ExternalAgency, [new(AgencyProfile.Of(_external), 1)], "schedule", At(9, 9), Version);
        var release2 = new SupplierRelease(r2.Id);
        release2.Release(SupplyAgencyKind.InHousePool, [new(AgencyProfile.InHousePool, 0)], "schedule", At(10, 9), Version);
        release2.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_local), 1)], "schedule", At(12, 9), Version); // Thursday 12 November
        var release3 = new SupplierRelease(r3.Id);
        release3.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_local), 1)], "schedule", new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero), Version);
        var release4 = new SupplierRelease(r4.Id);
        release4.Release(SupplyAgencyKind.LocalSupportingAgency, [new(AgencyProfile.Of(_local), 1)], "schedule", At(3, 9), Version);

        // The local agency answers r1 in 6 hours and r2 in a working day; the external agency r1 in 4 working days.
        var placedThroughLocal = Submit(r1, _local, w1, At(4, 15));
        placedThroughLocal.Shortlist("recruiter", At(6, 10));
        var declined = Submit(r2, _local, w2, At(13, 9));
        declined.Decline("Not enough child protection experience", "recruiter", At(16, 10));
        var withdrawn = Submit(r1, _external, w3, At(13, 9));
        withdrawn.Withdraw("Took another job", "staff", At(14, 9));
        var waiting = Submit(r3, _local, w4, At(5, 12));
        var otherService = Submit(r4, _local, w6, At(3, 10));
        db.Add(release1, release2, release3, release4, placedThroughLocal, declined, withdrawn, waiting, otherService);
        await db.SaveAsync();

        // r1 booked from the local agency's candidate; r2 filled from the in-house pool.
        db.Add(Placement.Book(r1, w1, new PlacementBooking(new PlacementRates(20m, 2m, 3m, 0m, 2.50m), 37m, new DateOnly(2026, 12, 7), new DateOnly(2027, 3, 5)), null, [], "recruiter", At(18, 10)));
        placedThroughLocal.MarkPlaced("recruiter", At(18, 10));
        db.Add(Placement.Book(r2, w5, new PlacementBooking(new PlacementRates(20m, 2m, 3m, 0.60m, 1.50m), 37m, new DateOnly(2026, 12, 7), new DateOnly(2027, 3, 5)), null, [], "recruiter", At(16, 10)));
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Each_supplier_s_releases_answers_shortlists_placements_fills_local_residents_and_margin_are_counted_over_the_period()
    {
        var figures = await ReportAsync(TestUser.Recruiter, From, To, _childrens.Area.Id);

        var pool = Agency(figures, _childrens.Agency.Id, SupplyAgencyKind.InHousePool);
        // r1 and r2 reached the pool; its worker was booked on r2: 1 of 2 filled. It puts nobody forward.
        (pool.Released, pool.Submissions, pool.Answered, pool.MedianWait, pool.Placed, pool.Filled, pool.LocalResidentsPlaced).ShouldBe((2, 0, 0, (TimeSpan?)null, 1, 1, 1));
        pool.FillRate.ShouldBe(0.5m);
        pool.AverageWeeklyMargin.ShouldBe(55.50m);                           // £1.50 x 37 hours
        pool.MarginRate.ShouldBe(0.06m);                                     // of £25 pay, holiday pay and NI x 37

        var local = Agency(figures, _local.Id, SupplyAgencyKind.LocalSupportingAgency);
        // r3 reached it in October: its candidate for it counts as put forward in November, not as an answer.
        (local.Released, local.Submissions, local.Answered, local.Shortlisted, local.Placed, local.Filled, local.LocalResidentsPlaced).ShouldBe((2, 3, 2, 1, 1, 1, 1));
        local.MedianWait.ShouldBe(TimeSpan.FromHours(15));                   // 6 hours and 24 hours
        local.FillRate.ShouldBe(0.5m);
        local.AverageWeeklyMargin.ShouldBe(92.50m);
        local.MarginRate.ShouldBe(0.10m);

        var external = Agency(figures, _external.Id, SupplyAgencyKind.ExternalAgency);
        (external.Released, external.Submissions, external.Answered, external.Shortlisted, external.Placed, external.Filled).ShouldBe((1, 1, 1, 0, 0, 0));
        external.MedianWait.ShouldBe(TimeSpan.FromDays(4));                  // Monday 09:00 to Friday 09:00
        external.FillRate.ShouldBe(0m);
        external.AverageWeeklyMargin.ShouldBeNull();

        var row = figures.Tiers.Single(t => t.Tier == SupplyAgencyKind.LocalSupportingAgency).Agencies.Single(a => a.SupplyAgencyId == _local.Id);
        (row.Name, row.IsLocal, row.DpsReference).ShouldBe(("Luton Care Partners", true, "DPS-014"));

        // Every supplier: r1 and r2 each once, both filled; the median wait over every answer (6, 24 and 96 hours).
        var total = figures.Total;
        (total.Released, total.Submissions, total.Shortlisted, total.Placed, total.Filled, total.LocalResidentsPlaced).ShouldBe((2, 4, 1, 2, 2, 2));
        total.FillRate.ShouldBe(1m);
        total.MedianWait.ShouldBe(TimeSpan.FromHours(24));
        total.AverageWeeklyMargin.ShouldBe(74.00m);
        total.MarginRate.ShouldBe(0.08m);
        figures.Tiers.Select(t => (t.Tier, t.Subtotal.Released, t.Subtotal.Placed)).ShouldBe(
            [(SupplyAgencyKind.InHousePool, 2, 1), (SupplyAgencyKind.LocalSupportingAgency, 2, 1), (SupplyAgencyKind.ExternalAgency, 1, 0)]);
    }

    [Fact]
    public async Task A_booking_still_waiting_for_sign_off_is_not_counted_as_placed_until_it_is_signed()
    {
        await using (var db = TestData.Open(_database))
        {
            var r3 = await db.SingleAsync<Requisition>(r => r.ServiceAreaId == _childrens.Area.Id && r.PositionsFilled == 0, "Shortlist");
            var pooled = A.Worker().SuppliedBy(_childrens.Agency.Id).LivingIn("LU1 3JH").Build();
            db.Add(pooled);
            await db.SaveAsync();
            var overTheCap = Placement.Book(r3, pooled, new PlacementBooking(new PlacementRates(40m, 2m, 3m, 0.60m, 1.50m), 37m, new DateOnly(2026, 12, 7), new DateOnly(2027, 3, 5)),
                new CapExceptionApproval("Director of Children's Services; Chief Executive", "Court deadline", 35m, 40m), [], "recruiter", At(19, 10));
            overTheCap.Status.ShouldBe(PlacementStatus.AwaitingSignOff);
            db.Add(overTheCap);
            await db.SaveAsync();
        }

        var figures = await ReportAsync(TestUser.Recruiter, From, To, _childrens.Area.Id);

        var pool = Agency(figures, _childrens.Agency.Id, SupplyAgencyKind.InHousePool);
        (pool.Placed, pool.LocalResidentsPlaced).ShouldBe((1, 1), "the booking over the cap waits for its sign-offs");
    }

    [Fact]
    public async Task A_placement_went_to_a_local_resident_by_where_the_worker_lived_when_booked_not_where_they_have_moved_since()
    {
        await using (var db = TestData.Open(_database))
        {
            // Both placed workers, the local agency's and the pool's, move out of Luton after they were booked.
            foreach (var worker in await db.ListAsync<Worker>(w => w.PostcodeDistrict == "LU2" || w.PostcodeDistrict == "LU3"))
            {
                worker.Update(new WorkerProfile(worker.FirstName, worker.LastName, worker.Email, worker.Phone, UkPostcode.Parse("MK45 2AA"), worker.JobFamily,
                    worker.SupplyAgencyId, worker.QualifiedOn, worker.OpenToPermanentJob, null, worker.DateOfBirth));
            }
            await db.SaveAsync();
        }

        var figures = await ReportAsync(TestUser.Recruiter, From, To, _childrens.Area.Id);

        Agency(figures, _childrens.Agency.Id, SupplyAgencyKind.InHousePool).LocalResidentsPlaced.ShouldBe(1);
        Agency(figures, _local.Id, SupplyAgencyKind.LocalSupportingAgency).LocalResidentsPlaced.ShouldBe(1);
    }

    [Fact]
    public async Task Every_service_counts_the_other_service_s_requisition_and_a_hiring_manager_sees_only_their_own_whatever_they_ask()
    {
        var everyService = await ReportAsync(TestUser.Recruiter, From, To, null);
        var manager = new TestUser("manager@test.local", [Roles.HiringManager], _childrens.Area.Id);
        var own = await ReportAsync(manager, From, To, _housing);

        var all = Agency(everyService, _local.Id, SupplyAgencyKind.LocalSupportingAgency);
        (all.Released, all.Submissions, all.Answered).ShouldBe((3, 4, 3));
        all.MedianWait.ShouldBe(TimeSpan.FromHours(6), "1, 6 and 24 hours");
        own.ServiceAreaId.ShouldBe(_childrens.Area.Id);
        var mine = Agency(own, _local.Id, SupplyAgencyKind.LocalSupportingAgency);
        (mine.Released, mine.Submissions, mine.Answered).ShouldBe((2, 3, 2));
        own.Total.Placed.ShouldBe(2);
    }

    [Fact]
    public async Task A_hiring_manager_with_no_service_sees_every_supplier_with_nothing()
    {
        var figures = await ReportAsync(new TestUser("nobody@test.local", [Roles.HiringManager]), From, To, null);

        figures.Total.ShouldBe(new SupplierFigures(0, 0, null, 0, 0, 0, 0, 0, 0, 0m, 0m));
        figures.Tiers.SelectMany(t => t.Agencies).Select(a => a.SupplyAgencyId).ShouldBe([_childrens.Agency.Id, _local.Id, _external.Id], ignoreOrder: true);
    }

    [Theory]
    [InlineData("2026-11-12", "2026-11-20", 1)]   // r2 reached the local agency at 09:00 on the 12th: the first day counts whole
    [InlineData("2026-11-13", "2026-11-20", 0)]
    [InlineData("2026-11-01", "2026-11-12", 2)]   // and the last day too
    [InlineData("2026-11-01", "2026-11-11", 1)]
    public async Task The_period_counts_its_first_and_last_days_whole(string from, string to, int released)
    {
        var figures = await ReportAsync(TestUser.Recruiter, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), _childrens.Area.Id);

        Agency(figures, _local.Id, SupplyAgencyKind.LocalSupportingAgency).Released.ShouldBe(released);
    }

    [Fact]
    public async Task An_answer_or_a_booking_after_the_period_still_counts_for_a_requisition_released_in_it_but_not_as_put_forward_or_placed_in_it()
    {
        var figures = await ReportAsync(TestUser.Recruiter, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 12), _childrens.Area.Id);

        var local = Agency(figures, _local.Id, SupplyAgencyKind.LocalSupportingAgency);
        (local.Released, local.Submissions, local.Answered, local.Placed, local.Filled).ShouldBe((2, 2, 2, 1, 1), "r2 was answered on the 13th");
        local.MedianWait.ShouldBe(TimeSpan.FromHours(15));
        var pool = Agency(figures, _childrens.Agency.Id, SupplyAgencyKind.InHousePool);
        (pool.Released, pool.Placed, pool.Filled).ShouldBe((2, 0, 1), "its worker was booked on the 16th, after the period");
    }

    [Fact]
    public void A_period_ending_before_it_starts_starting_after_today_or_longer_than_three_years_is_refused_by_field()
    {
        SupplierPerformanceReport.Check(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20)).All.Keys.ShouldBe([SupplierPerformanceReport.ToField]);
        SupplierPerformanceReport.Check(new DateOnly(2023, 11, 19), new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)).All.Keys.ShouldBe([SupplierPerformanceReport.FromField]);
        SupplierPerformanceReport.Check(new DateOnly(2023, 11, 20), new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)).Any.ShouldBeFalse();
        SupplierPerformanceReport.Check(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)).Any.ShouldBeFalse();
        SupplierPerformanceReport.Check(new DateOnly(2026, 11, 21), new DateOnly(2027, 1, 20), new DateOnly(2026, 11, 20)).All.Keys.ShouldBe([SupplierPerformanceReport.FromField]);
        SupplierPerformanceReport.Check(new DateOnly(2027, 1, 1), new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)).All.Keys.ShouldBe([SupplierPerformanceReport.FromField],
            "a first day in the future with the last day left as today is wrong at the first day");
        SupplierPerformanceReport.Check(new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 20), new DateOnly(2026, 11, 20)).Any.ShouldBeFalse("a period running on past today is this quarter so far");
    }

    private async Task<SupplierPerformanceFigures> ReportAsync(TestUser user, DateOnly from, DateOnly to, int? serviceAreaId)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupplierPerformanceReport>().GetAsync(from, to, serviceAreaId, CancellationToken.None);
    }

    private static SupplierFigures Agency(SupplierPerformanceFigures figures, int agencyId, SupplyAgencyKind tier) =>
        figures.Tiers.Single(t => t.Tier == tier).Agencies.Single(a => a.SupplyAgencyId == agencyId).Figures;

    private static Submission Submit(Requisition requisition, SupplyAgency agency, Worker worker, DateTimeOffset at) =>
        new(requisition.Id, agency.Id, agency.Kind, worker.Id, "staff@agency.test", at, at.AddDays(28));

    /// <summary>A moment in November 2026 (GMT, so the clock in Luton reads the same).</summary>
    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);
}
