using System.Globalization;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Web;

/// <summary>
/// `dotnet run --project src/Connect2Luton.Web -- --seed-volume 100000 [--seed-workers 50000]
/// [--seed-open-requisitions 10000 --seed-agencies 500] [--seed-timesheets 100000]`: adds benchmark volumes to the
/// configured database (placement histories, a supply chain of open requisitions released to that many agencies, and
/// the placements' weekly timesheets going back from last week), prints the figures and exits without serving. Any
/// part may be asked for alone.
/// </summary>
internal static class VolumeSeedCommand
{
    public static bool IsRequested(IConfiguration configuration) =>
        configuration["seed-volume"] is not null || configuration["seed-open-requisitions"] is not null || configuration["seed-timesheets"] is not null;

    public static async Task RunAsync(WebApplication app)
    {
        await app.Services.InitialiseDatabaseAsync();
        if (Number(app.Configuration, "seed-volume") is { } placements)
        {
            var workers = Number(app.Configuration, "seed-workers") ?? Math.Max(1, placements / 2);
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<VolumeSeeder>().SeedAsync(placements, workers, CancellationToken.None);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {result.Workers:N0} workers, {result.Requisitions:N0} requisitions and {result.Placements:N0} placements ({result.LivePlacements:N0} live) with {result.Prompts:N0} conversion prompts in {result.Elapsed.TotalSeconds:N1} s."));
        }
        if (Number(app.Configuration, "seed-open-requisitions") is { } open)
        {
            var agencies = Number(app.Configuration, "seed-agencies") ?? 500;
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SupplyChainVolumeSeeder>().SeedAsync(open, agencies, CancellationToken.None);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {result.OpenRequisitions:N0} open requisitions for {result.Agencies:N0} agencies; the release run reached {result.TiersReleased:N0} tiers; in {result.Elapsed.TotalSeconds:N1} s."));
        }
        if (Number(app.Configuration, "seed-timesheets") is { } timesheets)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var shown = TimeSpan.Zero;
            var result = await scope.ServiceProvider.GetRequiredService<TimesheetVolumeSeeder>().SeedAsync(timesheets, written =>
            {
                if (stopwatch.Elapsed - shown < TimeSpan.FromSeconds(10)) return;
                shown = stopwatch.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {written:N0} timesheets written in {shown.TotalSeconds:N0} s"));
            }, CancellationToken.None);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {result.Timesheets:N0} timesheets over {result.Weeks:N0} weeks ({result.Waiting:N0} waiting approval) in {result.Elapsed.TotalSeconds:N1} s."));
        }
    }

    private static int? Number(IConfiguration configuration, string key) =>
        configuration[key] is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
