using System.Diagnostics;
using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Benchmarks.Nightly;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Benchmarks.Timesheets;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Connect2Luton.Benchmarks -- approvals --timesheets 10000`: a fresh
/// SQLite file (migrated) with placements in one service and their weeks sent for approval (five weeks each), then
/// every one approved together by the service's hiring manager as the list's "approve the ticked weeks" does: each
/// checked (its version, its status, its dates, AWR pay parity against the worker's clock) and priced by the rules in
/// force on each of its days. The first run in the process is cold; the runs after it warm, each on a fresh file.
/// Target: 10,000 approved and priced in under 10 s.
/// </summary>
internal static class ApprovalBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const int WeeksEach = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Number(args, "--timesheets", 10_000);
        var runs = Number(args, "--runs", 3);
        var folder = Path.Combine(NightlyJobsBenchmark.RepositoryRoot(), "artifacts", "approvals");
        Directory.CreateDirectory(folder);
        Console.WriteLine(string.Create(Invariant, $"{count:N0} timesheets sent for approval ({count / WeeksEach:N0} placements, {WeeksEach} weeks each); {runs} runs, the first cold, each on a fresh SQLite file in {folder}."));
        Console.WriteLine($"{"run",-12} {"set up s",9} {"approve s",10} {"a second",9} {"approved",9}");
        var warm = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var file = Path.Combine(folder, $"approvals-{run}.db");
            foreach (var old in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists)) File.Delete(old);
            var setup = Stopwatch.StartNew();
            int area;
            List<(int Id, int Version)> waiting;
            await using (var services = NightlyJobsBenchmark.Services(file, baseline: false))
                (area, waiting) = await PrepareAsync(services, count);
            var setupSeconds = setup.Elapsed.TotalSeconds;

            await using var approving = NightlyJobsBenchmark.Services(file, baseline: false, more => more.Replace(ServiceDescriptor.Scoped<ICurrentUser>(_ => new Manager(area))));
            var watch = Stopwatch.StartNew();
            await using var scope = approving.CreateAsyncScope();
            // APPROVALS_NO_AUDIT=1 leaves the audit trail out, to see its share of the time.
            if (System.Environment.GetEnvironmentVariable("APPROVALS_NO_AUDIT") == "1") scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEnabled = false;
            var (result, done) = await scope.ServiceProvider.GetRequiredService<TimesheetCommands>().ApproveManyAsync(waiting, CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            if (!result.Succeeded || done!.Approved != count)
                throw new InvalidOperationException($"Expected {count} approved; got {done?.Approved}: {string.Join("; ", done?.NotApproved.Take(3) ?? [])}");
            if (run > 1) warm.Add(seconds);
            Console.WriteLine(string.Create(Invariant, $"{(run == 1 ? "cold" : $"warm {run - 1}"),-12} {setupSeconds,9:N1} {seconds,10:N2} {count / seconds,9:N0} {done.Approved,9:N0}"));
            SqliteConnection.ClearAllPools();
        }
        if (warm.Count > 0) Console.WriteLine(string.Create(Invariant, $"{"warm median",-12} {"",9} {warm.Order().ElementAt(warm.Count / 2),10:N2}"));
        return 0;
    }

    /// <summary>A service with its manager, a role and an agency, placements started eight weeks ago, and their last five weeks sent.</summary>
    private static async Task<(int Area, List<(int Id, int Version)> Waiting)> PrepareAsync(ServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        db.AuditEnabled = false;
        var area = new ServiceArea("CSC", "Children's Social Care", "Children, Families and Education", true, 610m);
        var agency = new SupplyAgency("Benchmark Staffing", SupplyAgencyKind.LocalSupportingAgency, 0.12m, true, null);
        var role = new JobRole("Social Worker (Children and Families)", JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.SocialWorkEngland, DfeRoleType.SocialWorker, false);
        db.AddRange(area, agency, role);
        await db.SaveChangesAsync();
        var manager = new HiringManager("Dana Head", "head@benchmark.example", "Head of Service", area.Id, null);
        db.Add(manager);
        await db.SaveChangesAsync();

        var today = Connect2Luton.Application.Common.Time.UkClock.Today(TimeProvider.System);
        var lastWeek = TimesheetWeek.MondayOf(today).AddDays(-7);
        var start = lastWeek.AddDays(-7 * (WeeksEach + 2));
        var rates = ChargeRates.Price(32m, agency.Kind, agency.MarginRate, new OnCostRates(0.1207m, 0.15m, 0.03m, "benchmark"));
        // Sent as the app sends them: priced by the serving rules, so approval finds them priced as it would price them.
        var pricer = scope.ServiceProvider.GetRequiredService<TimesheetPricer>();
        var limits = new TimesheetLimits(start, start.AddDays(200), today, false, new HashSet<TimesheetLineType>());
        for (var made = 0; made < count / WeeksEach; made += 500)
        {
            var batch = Enumerable.Range(0, Math.Min(500, count / WeeksEach - made)).Select(_ =>
            {
                var requisition = A.Requisition().In(area.Id, role.Id, manager.Id).Starting(start).Open();
                var worker = A.Worker().SuppliedBy(agency.Id).Build();
                return (requisition, worker);
            }).ToList();
            db.AddRange(batch.SelectMany(b => new object[] { b.requisition, b.worker }));
            await db.SaveChangesAsync();
            var placements = batch.Select(b => Placement.Book(b.requisition, b.worker, new PlacementBooking(rates with { }, 37m, start, start.AddDays(26 * 7 - 1)), null, [], "benchmark", Clocks.Now)).ToList();
            db.AddRange(placements);
            await db.SaveChangesAsync();
            foreach (var placement in placements)
            {
                for (var w = 0; w < WeeksEach; w++)
                {
                    var week = lastWeek.AddDays(-7 * w);
                    List<TimesheetHours> hours = [.. TimesheetWeek.DaysFrom(week).Take(5).Select(d => new TimesheetHours(d, TimesheetLineType.Standard, 7.5m))];
                    var timesheet = Timesheet.Start(placement, week, TimesheetEnteredAs.Recruiter, "benchmark");
                    timesheet.Record(hours, limits, "benchmark", Clocks.Now);
                    timesheet.Submit((await pricer.ForWeekAsync(placement, week, CancellationToken.None))!.Rates.Price(hours), null, "benchmark", Clocks.Now);
                    db.Add(timesheet);
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var waiting = await db.Timesheets.AsNoTracking().Where(t => t.Status == TimesheetStatus.Submitted).Select(t => new { t.Id, t.Version }).ToListAsync();
        return (area.Id, waiting.Select(w => (w.Id, w.Version)).ToList());
    }

    private static int Number(string[] args, string name, int otherwise) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], Invariant) : otherwise;

    private sealed class Manager(int area) : ICurrentUser
    {
        public string Name => "head@benchmark.example";

        public int? ServiceAreaId => area;

        public bool IsInRole(string role) => role == Roles.HiringManager;
    }
}
