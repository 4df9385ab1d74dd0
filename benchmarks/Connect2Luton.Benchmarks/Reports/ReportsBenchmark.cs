using System.Diagnostics;
using System.Globalization;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Connect2Luton.Benchmarks.Nightly;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Benchmarks.Reports;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Connect2Luton.Benchmarks -- reports --placements 100000`: seeds the
/// demo data plus the volume (once, into artifacts/reports/), then answers each report as a recruiter would see it
/// (every service) and for one service, a warm-up then 10 timed runs each in a fresh scope: cold (a placement changed
/// just before, so nothing cached helps) and warm, printing medians and the slowest cold run. The target is 500 ms a
/// report at 100,000 placements.
/// </summary>
internal static class ReportsBenchmark
{
    private const int Runs = 10;
    private const int RefusalsAtVolume = 20_000;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(int placements)
    {
        var folder = Path.Combine(NightlyJobsBenchmark.RepositoryRoot(), "artifacts", "reports");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"volume-{placements}.db");
        if (!File.Exists(file))
        {
            Console.WriteLine($"Seeding the demo data and {placements:N0} placements into {file} (once) ...");
            await using var seeding = Services(file + ".partial");
            await using (var scope = seeding.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
                var seeded = await scope.ServiceProvider.GetRequiredService<VolumeSeeder>().SeedAsync(placements, placements / 2, CancellationToken.None);
                Console.WriteLine(string.Create(Invariant, $"Seeded {seeded.Placements:N0} placements ({seeded.LivePlacements:N0} live) in {seeded.Elapsed.TotalSeconds:N0} s."));
            }
            await using (var scope = seeding.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            SqliteConnection.ClearAllPools();
            File.Move(file + ".partial", file);
        }

        await using var services = Services(file);
        int total, service, refusals;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            total = await db.Placements.CountAsync();
            service = await db.ServiceAreas.Where(a => a.IsChildrensServices).Select(a => a.Id).FirstAsync();
            refusals = await SeedRefusalsAsync(db, RefusalsAtVolume);
        }
        Console.WriteLine(string.Create(Invariant, $"{total:N0} placements, {refusals:N0} refused decisions. Each report: a warm-up, then {Runs} runs."));
        // Cold: a placement changed just before, so the cached groups are counted again; warm: read again unchanged.
        Console.WriteLine($"{"report",-44} {"cold median ms",15} {"cold slowest",13} {"warm median ms",15}");

        await TimeAsync(services, "Workforce, every service", (p, c) => p.GetRequiredService<WorkforceReport>().GetAsync(null, 12, c));
        await TimeAsync(services, "Workforce, children's services", (p, c) => p.GetRequiredService<WorkforceReport>().GetAsync(service, 12, c));
        await TimeAsync(services, "Spend, every service", (p, c) => p.GetRequiredService<SpendReport>().GetAsync(null, c));
        await TimeAsync(services, "Spend, every long-runner (the CSV)", (p, c) => p.GetRequiredService<SpendReport>().GetAsync(null, c, everyLongRunning: true));
        await TimeAsync(services, "DfE return, last quarter", (p, c) =>
        {
            var dfe = p.GetRequiredService<DfeReturn>();
            return dfe.GetAsync(dfe.LastEnded(), c);
        });
        await TimeAsync(services, "Conversions, 12 months", (p, c) =>
        {
            var report = p.GetRequiredService<ConversionsReport>();
            var (from, to) = report.DefaultPeriod();
            return report.GetAsync(from, to, null, c);
        });
        await TimeAsync(services, "Refusals, 12 months", (p, c) =>
        {
            var (from, to) = p.GetRequiredService<ConversionsReport>().DefaultPeriod();
            return p.GetRequiredService<RefusalsReport>().GetAsync(from, to, null, c);
        });
        return 0;
    }

    private static async Task TimeAsync<T>(ServiceProvider services, string name, Func<IServiceProvider, CancellationToken, Task<T>> report)
    {
        var cold = await RunsAsync(services, report, changeFirst: true);
        var warm = await RunsAsync(services, report, changeFirst: false);
        Console.WriteLine(string.Create(Invariant, $"{name,-44} {Median(cold),15:N0} {cold[^1],13:N0} {Median(warm),15:N0}"));
    }

    /// <summary>
    /// Refused bookings spread over three years, as many as a large council's recruiters might meet (the volume
    /// seeder books only allowed rates), each on a real requisition and worker.
    /// </summary>
    private static async Task<int> SeedRefusalsAsync(AppDbContext db, int wanted)
    {
        var have = await db.RuleDecisions.CountAsync(d => d.Refused != null);
        if (have >= wanted) return have;
        var pairs = await db.Placements.AsNoTracking().OrderBy(p => p.Id).Take(wanted - have).Select(p => new { p.RequisitionId, p.WorkerId }).ToListAsync();
        // The reports read up to today on the real clock, so the three years run back from now.
        var last = TimeProvider.System.GetUtcNow();
        var at = 0;
        foreach (var pair in pairs)
        {
            var (rule, ruleSet) = at % 3 == 0
                ? ("FirstBookingWithinLimit", Domain.Decisions.RuleSetNames.PlacementLengthLimits)
                : ("WithinGradeCapForGradesAtoD", Domain.Decisions.RuleSetNames.PayRateCaps);
            db.RuleDecisions.Add(new Domain.Decisions.RuleDecision(ruleSet, "benchmark", "Refused", "{}",
                    [new Domain.Decisions.DecisionReason(rule, false, "Refused for the benchmark.", "Refused")], "benchmark", last.AddHours(-(at++ * 3 * 365 * 24.0 / pairs.Count)))
                .About(pair.RequisitionId, pair.WorkerId).Refusing(Domain.Decisions.RefusedChange.Booking));
        }
        await db.SaveChangesAsync();
        return have + pairs.Count;
    }

    private static async Task<List<double>> RunsAsync<T>(ServiceProvider services, Func<IServiceProvider, CancellationToken, Task<T>> report, bool changeFirst)
    {
        var times = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            await using var scope = services.CreateAsyncScope();
            if (changeFirst) scope.ServiceProvider.GetRequiredService<ChangeCounters>().Changed(typeof(Placement));
            var watch = Stopwatch.StartNew();
            _ = await report(scope.ServiceProvider, CancellationToken.None);
            if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static double Median(List<double> sorted) => (sorted[Runs / 2 - 1] + sorted[Runs / 2]) / 2;

    // Read as a recruiter reads them: every service.
    private static ServiceProvider Services(string file) =>
        NightlyJobsBenchmark.Services(file, baseline: false, more => more.Replace(ServiceDescriptor.Scoped<ICurrentUser, Recruiter>()));

    private sealed class Recruiter : ICurrentUser
    {
        public string Name => "benchmark-recruiter";

        public int? ServiceAreaId => null;

        public bool IsInRole(string role) => role == Roles.Recruiter;
    }
}
