using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Tests.DemoData;

/// <summary>The demo data seeded once into a real database, then read as a recruiter would look at it.</summary>
public sealed class DemoDataFixture : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        await Database.SeedDemoDataAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class DemoDataSeederTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task The_pool_is_about_300_workers_mostly_living_in_luton()
    {
        await using var db = fixture.Database.CreateContext();
        var districts = await db.Workers.Select(w => w.PostcodeDistrict).ToListAsync();

        districts.Count.ShouldBeInRange(280, 330);
        var luton = districts.Count(d => d is "LU1" or "LU2" or "LU3" or "LU4");
        var centralBedfordshire = districts.Count(d => d is "LU5" or "LU6" or "LU7");
        ((double)luton / districts.Count).ShouldBeInRange(0.6, 0.85);
        centralBedfordshire.ShouldBeGreaterThan(0);
        (districts.Count - luton - centralBedfordshire).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task There_is_the_in_house_pool_and_six_to_ten_local_agencies()
    {
        await using var db = fixture.Database.CreateContext();
        var kinds = await db.SupplyAgencies.Select(a => a.Kind).ToListAsync();

        kinds.Count(k => k == SupplyAgencyKind.InHousePool).ShouldBe(1);
        kinds.Count(k => k == SupplyAgencyKind.LocalSupportingAgency).ShouldBeInRange(6, 10);
    }

    [Fact]
    public async Task The_approved_and_open_requisitions_are_released_as_the_rules_allow_childrens_social_work_only_to_agencies_confirming_the_DfE_rules()
    {
        await using var db = fixture.Database.CreateContext();
        var releasable = await db.Requisitions.Where(r => (r.Status == RequisitionStatus.Approved || r.Status == RequisitionStatus.Open) && r.PositionsFilled < r.Positions)
            .Select(r => r.Id).ToListAsync();
        var releases = await db.SupplierReleases.Include(r => r.Steps).Include(r => r.Profiles).ToListAsync();
        var socialWork = await db.Requisitions.Where(r => db.JobRoles.Any(j => j.Id == r.JobRoleId && j.DfeRoleType != null) && db.ServiceAreas.Any(a => a.Id == r.ServiceAreaId && a.IsChildrensServices))
            .Select(r => r.Id).ToListAsync();

        releases.Select(r => r.RequisitionId).ShouldBe(releasable, ignoreOrder: true);
        releases.ShouldAllBe(r => r.IsReleasedToTier(SupplyAgencyKind.InHousePool));
        releases.Count(r => r.IsReleasedToTier(SupplyAgencyKind.LocalSupportingAgency)).ShouldBeGreaterThan(0, "some were approved more than 2 working days ago");
        releases.Where(r => socialWork.Contains(r.RequisitionId)).SelectMany(r => r.Profiles)
            .ShouldAllBe(p => p.Tier == SupplyAgencyKind.InHousePool || p.ConfirmsDfeAgencyRules, "children's social work goes only to agencies confirming the DfE rules");
    }

    [Fact]
    public async Task Requisitions_are_in_every_status()
    {
        await using var db = fixture.Database.CreateContext();
        var statuses = await db.Requisitions.Select(r => r.Status).Distinct().ToListAsync();

        statuses.ShouldBe(Enum.GetValues<RequisitionStatus>(), ignoreOrder: true);
    }

    [Fact]
    public async Task Sixty_to_seventy_agency_social_workers_are_placed_in_childrens_social_care()
    {
        await using var db = fixture.Database.CreateContext();
        var childrens = await db.ServiceAreas.Where(a => a.IsChildrensServices).Select(a => a.Id).ToListAsync();
        var dfeRoles = await db.JobRoles.Where(r => r.DfeRoleType != null).Select(r => r.Id).ToListAsync();

        var count = await db.Placements.CountAsync(p => p.Status == PlacementStatus.Active && childrens.Contains(p.ServiceAreaId) && dfeRoles.Contains(p.JobRoleId));

        count.ShouldBeInRange(60, 70);
    }

    [Fact]
    public async Task Live_placements_cover_every_job_family_and_run_past_12_weeks_6_months_and_12_months()
    {
        await using var db = fixture.Database.CreateContext();
        var today = Clocks.Today;
        var live = await db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today)
            .Join(db.JobRoles, p => p.JobRoleId, r => r.Id, (p, r) => new { p.StartDate, r.JobFamily })
            .ToListAsync();

        live.Select(p => p.JobFamily).Distinct().ShouldBe(Enum.GetValues<JobFamily>(), ignoreOrder: true);
        live.Count(p => p.StartDate <= today.AddDays(-84)).ShouldBeGreaterThan(20);
        live.Count(p => p.StartDate <= today.AddMonths(-6)).ShouldBeGreaterThan(10);
        live.Count(p => p.StartDate <= today.AddMonths(-12)).ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Every_placement_is_consistent_with_its_requisition_and_worker()
    {
        await using var db = fixture.Database.CreateContext();
        var placements = await db.Placements.AsNoTracking().ToListAsync();
        var requisitions = await db.Requisitions.AsNoTracking().ToDictionaryAsync(r => r.Id);

        placements.ShouldAllBe(p => p.Rates.ChargeRate > p.Rates.PayRate && p.PlannedEndDate >= p.StartDate);
        placements.GroupBy(p => p.RequisitionId).ShouldAllBe(g => g.Count() <= requisitions[g.Key].Positions);
        placements.Where(p => p.Status == PlacementStatus.Active).GroupBy(p => p.WorkerId).ShouldAllBe(g => g.Count() == 1);
        placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today).ShouldAllBe(p => p.PlannedEndDate >= Clocks.Today);
    }

    [Fact]
    public async Task Every_placement_carries_the_pay_rate_decision_and_rates_over_a_cap_carry_their_sign_off()
    {
        await using var db = fixture.Database.CreateContext();
        var placements = await db.Placements.Include(p => p.Decisions).Include(p => p.CapExceptions).AsNoTracking().ToListAsync();

        placements.ShouldAllBe(p => p.Decisions.Count == 1 && p.Decisions.First().RuleSet == "pay-rate-caps" && p.Decisions.First().RuleSetVersion.Length == 64);
        var exceptions = placements.Where(p => p.Decisions.First().Outcome == "NeedsException").ToList();
        exceptions.ShouldNotBeEmpty();
        exceptions.ShouldAllBe(p => p.CapExceptions.Count == 1 && p.CapExceptions.First().Measured > p.CapExceptions.First().Cap);
        placements.Where(p => p.Decisions.First().Outcome == "Allowed").ShouldAllBe(p => p.CapExceptions.Count == 0);
        placements.ShouldNotContain(p => p.Decisions.First().Outcome == "Refused");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_demo_data()
    {
        await using var other = await SqliteTestDatabase.CreateAsync();
        await other.SeedDemoDataAsync();

        await using var first = fixture.Database.CreateContext();
        await using var second = other.CreateContext();
        var names = await first.Workers.OrderBy(w => w.Id).Select(w => w.LastName + w.Postcode).ToListAsync();
        (await second.Workers.OrderBy(w => w.Id).Select(w => w.LastName + w.Postcode).ToListAsync()).ShouldBe(names);
    }

    [Fact]
    public async Task Seeding_a_database_that_has_data_changes_nothing()
    {
        await using var db = fixture.Database.CreateContext();
        var before = await db.Placements.CountAsync();

        (await fixture.Database.SeedDemoDataAsync()).ShouldBeFalse();

        (await db.Placements.CountAsync()).ShouldBe(before);
    }
}
