using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Tests.DemoData;

public sealed class VolumeSeederTests
{
    [Fact]
    public async Task The_volume_seeder_adds_exactly_the_placements_and_workers_asked_for_and_the_prompts_the_nightly_job_would_have_raised()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        int demoPlacements, demoWorkers;
        await database.SeedDemoDataAsync();
        await using (var db = database.CreateContext())
        {
            demoPlacements = await db.Placements.CountAsync();
            demoWorkers = await db.Workers.CountAsync();
        }

        var result = await database.SeedVolumeAsync(12_345, 6_001);

        await using var read = database.CreateContext();
        result.Placements.ShouldBe(12_345);
        result.Workers.ShouldBe(6_001);
        (await read.Placements.CountAsync()).ShouldBe(demoPlacements + 12_345);
        (await read.Workers.CountAsync()).ShouldBe(demoWorkers + 6_001);
        (await read.Placements.CountAsync(p => p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today)).ShouldBeGreaterThan(1_000);
        (await read.Requisitions.CountAsync(r => r.Status == RequisitionStatus.Filled)).ShouldBeGreaterThan(1_000);
        (await read.AuditEntries.CountAsync()).ShouldBe(0);
        // About 35 prompts for every 100 placements, each on a placement 26 weeks in, and every one closed on an ended placement.
        var prompts = await read.ConversionPrompts.Select(c => new { c.Status, c.RaisedOn, Placement = read.Placements.Single(p => p.Id == c.PlacementId) }).ToListAsync();
        prompts.Count.ShouldBe(result.Prompts);
        result.Prompts.ShouldBeInRange(3_000, 5_500);
        prompts.ShouldAllBe(c => c.RaisedOn == c.Placement.StartDate.AddDays(182));
        prompts.Where(c => c.Placement.Status != PlacementStatus.Active).ShouldAllBe(c => !Domain.Conversions.ConversionPrompt.IsOpenStatus(c.Status));
        prompts.Select(c => c.Status).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        (await read.Set<Domain.Conversions.ConversionPromptAction>().CountAsync()).ShouldBeGreaterThan(result.Prompts / 2);
    }

    [Fact]
    public async Task The_timesheet_seeder_gives_placements_the_weeks_asked_for_back_from_last_week_priced_as_the_app_prices_them()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await database.SeedDemoDataAsync();
        await database.SeedVolumeAsync(2_000, 1_000);
        int before;
        await using (var db = database.CreateContext())
            before = await db.Timesheets.CountAsync();

        var result = await database.SeedTimesheetsAsync(3_000);

        await using var read = database.CreateContext();
        result.Timesheets.ShouldBe(3_000);
        (await read.Timesheets.CountAsync()).ShouldBe(before + 3_000);
        var seeded = await read.Timesheets.AsNoTracking().Include(t => t.Entries).Include(t => t.Lines).Include(t => t.History)
            .OrderByDescending(t => t.Id).Take(3_000).AsSplitQuery().ToListAsync();
        var lastWeek = Domain.Timesheets.TimesheetWeek.MondayOf(Clocks.Today).AddDays(-7);
        seeded.ShouldAllBe(t => t.WeekStart <= lastWeek && t.Sequence == 0 && t.Entries.Count > 0);
        // Read back as EF wrote the demo's: a line a day worked once sent, the week's charge the sum of its lines, a step in the history for each.
        seeded.Where(t => t.Status != Domain.Timesheets.TimesheetStatus.Draft).ShouldAllBe(t => t.Lines.Count == t.Entries.Count && t.Charge == t.Lines.Sum(l => l.Charge) && t.Charge > 0);
        seeded.Where(t => t.Status == Domain.Timesheets.TimesheetStatus.Approved).ShouldAllBe(t => t.History.Count == 3 && t.ApprovedBy != null);
        var statuses = seeded.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count());
        statuses[Domain.Timesheets.TimesheetStatus.Approved].ShouldBeGreaterThan(1_500);
        statuses[Domain.Timesheets.TimesheetStatus.Submitted].ShouldBe(result.Waiting);
        statuses.Keys.Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_supply_chain_seeder_adds_the_agencies_and_open_requisitions_asked_for_and_releases_them_by_the_rules()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await database.SeedDemoDataAsync();
        int openBefore;
        await using (var db = database.CreateContext())
            openBefore = await db.Requisitions.CountAsync(r => r.Status == RequisitionStatus.Open);

        var result = await database.SeedSupplyChainAsync(1_200, 80);

        await using var read = database.CreateContext();
        result.Agencies.ShouldBe(80);
        (await read.SupplyAgencies.CountAsync()).ShouldBe(80);
        (await read.SupplyAgencies.CountAsync(a => a.Kind == SupplyAgencyKind.LocalSupportingAgency)).ShouldBeGreaterThan(10);
        (await read.Requisitions.CountAsync(r => r.Status == RequisitionStatus.Open)).ShouldBe(openBefore + 1_200);
        // Approved over the last two weeks: most have reached local agencies by now, some external agencies too, none held.
        var released = await read.Set<ReleasedProfile>().GroupBy(p => p.Tier).Select(g => new { Tier = g.Key, Requisitions = g.Select(p => p.RequisitionId).Distinct().Count() }).ToListAsync();
        released.Single(r => r.Tier == SupplyAgencyKind.LocalSupportingAgency).Requisitions.ShouldBeGreaterThan(600);
        released.Single(r => r.Tier == SupplyAgencyKind.ExternalAgency).Requisitions.ShouldBeGreaterThan(100);
        result.TiersReleased.ShouldBeGreaterThan(1_200);
    }
}
