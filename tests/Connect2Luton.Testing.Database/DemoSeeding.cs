using Connect2Luton.Infrastructure.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Testing.Database;

/// <summary>The demo seeders as the app wires them (with the real rule files), run against a test database.</summary>
public static class DemoSeeding
{
    public static async Task<bool> SeedDemoDataAsync(this SqliteTestDatabase database, TimeProvider? clock = null)
    {
        await using var services = TestServices.For(database, clock);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    public static async Task<VolumeSeedResult> SeedVolumeAsync(this SqliteTestDatabase database, int placements, int workers)
    {
        await using var services = TestServices.For(database);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VolumeSeeder>().SeedAsync(placements, workers, CancellationToken.None);
    }

    public static async Task<TimesheetSeedResult> SeedTimesheetsAsync(this SqliteTestDatabase database, int timesheets)
    {
        await using var services = TestServices.For(database);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimesheetVolumeSeeder>().SeedAsync(timesheets, null, CancellationToken.None);
    }

    public static async Task<SupplyChainSeedResult> SeedSupplyChainAsync(this SqliteTestDatabase database, int openRequisitions, int agencies)
    {
        await using var services = TestServices.For(database);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupplyChainVolumeSeeder>().SeedAsync(openRequisitions, agencies, CancellationToken.None);
    }
}
