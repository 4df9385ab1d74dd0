using System.Globalization;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;

namespace Connect2Luton.Web;

/// <summary>
/// `dotnet run --project src/Connect2Luton.Web -- --seed-volume 100000 [--seed-workers 50000]`: adds benchmark
/// volumes to the configured database, prints the figures and exits without serving.
/// </summary>
internal static class VolumeSeedCommand
{
    public static bool IsRequested(IConfiguration configuration) => configuration["seed-volume"] is not null;

    public static async Task RunAsync(WebApplication app)
    {
        var placements = int.Parse(app.Configuration["seed-volume"]!, CultureInfo.InvariantCulture);
        var workers = app.Configuration["seed-workers"] is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : Math.Max(1, placements / 2);

        await app.Services.InitialiseDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<VolumeSeeder>().SeedAsync(placements, workers, CancellationToken.None);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {result.Workers:N0} workers, {result.Requisitions:N0} requisitions and {result.Placements:N0} placements ({result.LivePlacements:N0} live) in {result.Elapsed.TotalSeconds:N1} s."));
    }
}
