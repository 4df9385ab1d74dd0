using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Tests.DemoData;

public sealed class VolumeSeederTests
{
    [Fact]
    public async Task The_volume_seeder_adds_exactly_the_placements_and_workers_asked_for()
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
    }
}
