using Connect2Luton.Application.Common.Specifications;
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
                Console.WriteLine(string.Create(Invariant, $"Seeded {seeded.Placements:N0} placements ({seeded.LivePlacements:N0} live) and {seeded.Prompts:N0} conversion prompts in {seeded.Elapsed.TotalSeconds:N0} s."));
            }
            await using (var scope = seeding.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            SqliteConnection.ClearAllPools();
            File.Move(file + ".partial", file);
        }

        await using var services = Services(file);
        int total, service, refusals;
        (int Releases, int Submissions) supplyChain;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            total = await db.Placements.CountAsync();
            service = await db.ServiceAreas.Where(a => a.IsChildrensServices).Select(a => a.Id).FirstAsync();
            refusals = await SeedRefusalsAsync(db, RefusalsAtVolume);
            supplyChain = await SeedSupplyChainAsync(db);
        }
        Console.WriteLine(string.Create(Invariant,
            $"{total:N0} placements, {refusals:N0} refused decisions, {supplyChain.Releases:N0} agencies reached by releases and {supplyChain.Submissions:N0} submissions. Each report: a warm-up, then {Runs} runs."));
        // Cold: a placement changed just before, so the cached groups are counted again; warm: read again unchanged.
        Console.WriteLine($"{"report",-44} {"cold median ms",15} {"cold slowest",13} {"warm median ms",15}");

        await TimeAsync(services, "Workforce, every service", (p, c) => p.GetRequiredService<WorkforceReport>().GetAsync(null, 12, c));
        await TimeAsync(services, "Workforce, children's services", (p, c) => p.GetRequiredService<WorkforceReport>().GetAsync(service, 12, c));
        await TimeAsync(services, "Spend, every service", (p, c) => p.GetRequiredService<SpendReport>().GetAsync(null, c));
        await TimeAsync(services, "Spend, every long-runner (the CSV)", (p, c) => p.GetRequiredService<SpendReport>().EveryLongRunningAsync(null, c));
        // The page reads one page of a quarter's assignments (50, as the page shows); the download reads them all.
        await TimeAsync(services, "DfE return, last quarter, first page", (p, c) =>
        {
            var dfe = p.GetRequiredService<DfeReturn>();
            return dfe.GetAsync(dfe.LastEnded(), new PageRequest(1, 50), c);
        });
        await TimeAsync(services, "DfE return, last quarter, page 1,000", (p, c) =>
        {
            var dfe = p.GetRequiredService<DfeReturn>();
            return dfe.GetAsync(dfe.LastEnded(), new PageRequest(1_000, 50), c);
        });
        await TimeAsync(services, "DfE return, every assignment (its CSV)", (p, c) =>
        {
            var dfe = p.GetRequiredService<DfeReturn>();
            return dfe.EveryAssignmentAsync(dfe.LastEnded(), c);
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
        await TimeAsync(services, "Suppliers, last 3 months", (p, c) =>
        {
            var report = p.GetRequiredService<SupplierPerformanceReport>();
            var (from, to) = report.DefaultPeriod();
            return report.GetAsync(from, to, null, c);
        });
        await TimeAsync(services, "Suppliers, 12 months", (p, c) =>
        {
            var (from, to) = p.GetRequiredService<ConversionsReport>().DefaultPeriod();
            return p.GetRequiredService<SupplierPerformanceReport>().GetAsync(from, to, null, c);
        });
        await TimeAsync(services, "Suppliers, 12 months, children's services", (p, c) =>
        {
            var (from, to) = p.GetRequiredService<ConversionsReport>().DefaultPeriod();
            return p.GetRequiredService<SupplierPerformanceReport>().GetAsync(from, to, service, c);
        });
        return 0;
    }

    /// <summary>
    /// The supply chain behind the placements (once): every requisition released as the release rules would, to
    /// the in-house pool when it opened, every local agency two days later and every external agency five days
    /// later; each agency worker's placement put forward by their agency a few hours to a few days after it was
    /// reached and placed, and two more candidates a requisition from other agencies, not taken forward or withdrawn.
    /// </summary>
    private static List<Domain.SupplyChain.ProfileReach> Kinds(IEnumerable<Domain.SupplyAgencies.SupplyAgency> agencies) =>
        [.. agencies.GroupBy(Domain.SupplyChain.AgencyProfile.Of).Select(g => new Domain.SupplyChain.ProfileReach(g.Key, g.Count()))];

    private static async Task<(int Releases, int Submissions)> SeedSupplyChainAsync(AppDbContext db)
    {
        // The demo data has a small supply chain of its own: the volume's is known by who it says put the candidates forward.
        if (await db.Submissions.AnyAsync(s => s.SubmittedBy == "benchmark")) return (await db.Set<Domain.SupplyChain.ReleasedProfile>().CountAsync(), await db.Submissions.CountAsync());
        var random = new Random(20261205);
        var agencies = await db.SupplyAgencies.AsNoTracking().ToListAsync();
        var local = agencies.Where(a => a.Kind == Domain.SupplyAgencies.SupplyAgencyKind.LocalSupportingAgency).ToList();
        var external = agencies.Where(a => a.Kind == Domain.SupplyAgencies.SupplyAgencyKind.ExternalAgency).ToList();
        var inHouse = agencies.First(a => a.Kind == Domain.SupplyAgencies.SupplyAgencyKind.InHousePool).Id;
        var workersOf = (await db.Workers.AsNoTracking().Where(w => w.SupplyAgencyId != inHouse)
                .Select(w => new { w.Id, w.SupplyAgencyId }).ToListAsync())
            .GroupBy(w => w.SupplyAgencyId).ToDictionary(g => g.Key, g => g.Select(w => w.Id).ToArray());
        var placed = (await db.Placements.AsNoTracking().Where(p => p.Status != PlacementStatus.Cancelled).Select(p => new { p.RequisitionId, p.WorkerId, p.SupplyAgencyId, p.BookedAt }).ToListAsync())
            .Where(p => local.Concat(external).Any(a => a.Id == p.SupplyAgencyId)).ToLookup(p => p.RequisitionId);
        var released = (await db.SupplierReleases.AsNoTracking().Select(r => r.RequisitionId).ToListAsync()).ToHashSet();
        var requisitions = (await db.Requisitions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.StartDate }).ToListAsync()).Where(r => !released.Contains(r.Id)).ToList();
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const string Version = "0000000000000000000000000000000000000000000000000000000000000000";
        var (reached, submitted) = (0, 0);
        foreach (var chunk in requisitions.Chunk(2_000))
        {
            foreach (var requisition in chunk)
            {
                var opened = new DateTimeOffset(requisition.StartDate.AddDays(-18).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
                var release = new Domain.SupplyChain.SupplierRelease(requisition.Id);
                release.Release(Domain.SupplyAgencies.SupplyAgencyKind.InHousePool, [new(Domain.SupplyChain.AgencyProfile.InHousePool, 0)], "benchmark", opened, Version);
                reached += release.Release(Domain.SupplyAgencies.SupplyAgencyKind.LocalSupportingAgency, Kinds(local), "benchmark", opened.AddDays(2), Version).Count;
                reached += release.Release(Domain.SupplyAgencies.SupplyAgencyKind.ExternalAgency, Kinds(external), "benchmark", opened.AddDays(5), Version).Count;
                db.Add(release);
                foreach (var placement in placed[requisition.Id])
                {
                    var agency = agencies.Single(a => a.Id == placement.SupplyAgencyId);
                    var at = opened.AddDays(agency.Kind == Domain.SupplyAgencies.SupplyAgencyKind.ExternalAgency ? 5 : 2).AddHours(random.Next(1, 72));
                    var submission = new Domain.SupplyChain.Submission(requisition.Id, agency.Id, agency.Kind, placement.WorkerId, "benchmark", at, at.AddDays(28));
                    submission.Shortlist("benchmark", at.AddHours(2));
                    submission.MarkPlaced("benchmark", placement.BookedAt);
                    db.Add(submission);
                    submitted++;
                }
                for (var other = 0; other < 2; other++)
                {
                    var agency = random.Next(3) == 0 ? external[random.Next(external.Count)] : local[random.Next(local.Count)];
                    if (!workersOf.TryGetValue(agency.Id, out var workers)) continue;
                    var at = opened.AddDays(agency.Kind == Domain.SupplyAgencies.SupplyAgencyKind.ExternalAgency ? 5 : 2).AddHours(random.Next(1, 120));
                    var submission = new Domain.SupplyChain.Submission(requisition.Id, agency.Id, agency.Kind, workers[random.Next(workers.Length)], "benchmark", at, at.AddDays(28));
                    if (random.Next(2) == 0) submission.Decline("Not the experience the role needs", "benchmark", at.AddDays(2));
                    else submission.Withdraw("Took another job", "benchmark", at.AddDays(1));
                    db.Add(submission);
                    submitted++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (reached, submitted);
    }

    private static async Task TimeAsync<T>(ServiceProvider services, string name, Func<IServiceProvider, CancellationToken, Task<T>> report)
    {
        // REPORTS_ONLY=DfE times only the reports whose name holds it (with NIGHTLY_SQL=1, to see each command's time).
        if (System.Environment.GetEnvironmentVariable("REPORTS_ONLY") is { Length: > 0 } only && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) return;
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
