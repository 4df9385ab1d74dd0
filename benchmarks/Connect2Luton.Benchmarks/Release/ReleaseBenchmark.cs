using System.Diagnostics;
using System.Globalization;
using Bogus;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Benchmarks.Nightly;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Benchmarks.Release;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Connect2Luton.Benchmarks -- release --requisitions 10000 --agencies 500`:
/// the scheduled release over a fresh SQLite file of open requisitions, approved at moments spread over the last
/// two weeks, and that many agencies (the in-house pool, local supporting agencies, most on the DPS, and external
/// agencies; a third confirm the DfE agency rules), with the real rules, as the app runs it. Timed: the first run
/// over the backlog (nothing released before, so every tier due is released at once, writing an agency row for each
/// agency each requisition reaches), the run 15 minutes later (what every run of the schedule does: decide all of
/// them, release the few that crossed a line), and the same run again (nothing new). The rule sets are loaded and
/// the EF model built before any run is timed, as the app has done by the time the schedule fires.
/// </summary>
internal static class ReleaseBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // A Wednesday morning, so the last two weeks hold weekends and every working-day boundary.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var requisitions = Number(args, "--requisitions", 10_000);
        var agencies = Number(args, "--agencies", 500);
        var folder = Path.Combine(NightlyJobsBenchmark.RepositoryRoot(), "artifacts", "release");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"release-{requisitions}-{agencies}.db");
        foreach (var old in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists)) File.Delete(old);

        var clock = new SteppedClock(Now);
        await using var services = NightlyJobsBenchmark.Services(file, baseline: false, more => more.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var seeding = Stopwatch.StartNew();
        var (local, dps, external) = await SeedAsync(services, requisitions, agencies);
        Console.WriteLine(string.Create(Invariant,
            $"{requisitions:N0} open requisitions approved over the last two weeks; {agencies:N0} agencies: the in-house pool, {local:N0} local supporting ({dps:N0} on the DPS), {external:N0} external; seeded in {seeding.Elapsed.TotalSeconds:N1} s into {file}."));

        // What the app has done before the schedule first fires: the rules loaded and checked, the EF model built.
        await services.GetRequiredService<ISupplierReleasePolicy>().TermsAsync(CancellationToken.None);
        await using (var scope = services.CreateAsyncScope())
            _ = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SupplierReleases.AnyAsync();

        var release = services.GetRequiredService<ScheduledRelease>();
        Console.WriteLine($"{"run",-44} {"seconds",8} {"checked",9} {"tiers released",15} {"agencies reached",17} {"peak MB",8}");
        using var sampling = PrivateMemory.StartSampling();
        await TimeAsync(release, "first run, over the backlog");
        clock.Advance(TimeSpan.FromMinutes(15));
        await TimeAsync(release, "15 minutes later (every run of the schedule)");
        await TimeAsync(release, "at once again (nothing new)");
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task TimeAsync(ScheduledRelease release, string label)
    {
        var watch = Stopwatch.StartNew();
        var result = await release.RunAsync("benchmark", CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        if (result.Status != Domain.Jobs.JobRunStatus.Succeeded) Console.WriteLine($"  the run ended {result.Status} with {result.Failures} failures");
        var counts = result.Counts;
        Console.WriteLine(string.Create(Invariant, $"{label,-44} {seconds,8:N2} {counts.Checked,9:N0} {counts.TiersReleased,15:N0} {counts.AgenciesReached,17:N0} {PrivateMemory.PeakMegabytes,8:N0}"));
    }

    private static async Task<(int Local, int Dps, int External)> SeedAsync(ServiceProvider services, int requisitions, int agencies)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(20261202) };
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditEnabled = false;
        await db.Database.MigrateAsync();

        var areas = new[]
        {
            new ServiceArea("CSC", "Children's Social Care", "Children, Families and Education", true, 610m),
            new ServiceArea("ASC", "Adult Social Care", "Adults", false, 420m),
            new ServiceArea("HSG", "Housing", "Place", false, 180m),
            new ServiceArea("PLN", "Planning", "Place", false, 60m),
        };
        (string Area, JobRole Role)[] roles =
        [
            ("CSC", new JobRole("Social Worker (Children and Families)", JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.SocialWorkEngland, DfeRoleType.SocialWorker, false)),
            ("CSC", new JobRole("Team Manager (Children's)", JobFamily.SocialCare, "G", 53_460m, 61_638m, RegistrationBody.SocialWorkEngland, DfeRoleType.TeamManager, false)),
            ("ASC", new JobRole("Social Worker (Adults)", JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.SocialWorkEngland, null, false)),
            ("ASC", new JobRole("Care Worker (Reablement)", JobFamily.SocialCare, "C", 24_000m, 26_000m, RegistrationBody.None, null, false)),
            ("HSG", new JobRole("Housing Officer", JobFamily.Housing, "D", 27_711m, 30_060m, RegistrationBody.None, null, false)),
            ("HSG", new JobRole("Business Support Officer", JobFamily.BusinessSupport, "B", 23_000m, 24_500m, RegistrationBody.None, null, false)),
            ("PLN", new JobRole("Planning Officer", JobFamily.Planning, "E", 39_027m, 44_463m, RegistrationBody.None, null, false)),
        ];
        var pool = new SupplyAgency("Connect2Luton in-house pool", SupplyAgencyKind.InHousePool, 0.06m, true, null);
        pool.RecordDfeAgencyRules(true);
        // About one in eight a local supporting agency, three in four of those on the DPS; a third of all confirm the DfE rules.
        var local = agencies / 8;
        var all = Enumerable.Range(1, agencies - 1).Select(i =>
        {
            var isLocal = i <= local;
            var agency = new SupplyAgency($"Agency {i:000}", isLocal ? SupplyAgencyKind.LocalSupportingAgency : SupplyAgencyKind.ExternalAgency, 0.12m, isLocal,
                isLocal && i % 4 != 0 ? $"DPS-LU-{i:0000}" : null);
            agency.RecordDfeAgencyRules(i % 3 == 0);
            return agency;
        }).ToList();
        db.AddRange(areas);
        db.AddRange(roles.Select(r => r.Role));
        db.Add(pool);
        db.AddRange(all);
        await db.SaveChangesAsync();
        var managers = areas.ToDictionary(a => a.Code, a => new HiringManager($"Head of {a.Name}", $"head.{a.Code.ToLowerInvariant()}@luton.example", "Head of Service", a.Id, null));
        db.AddRange(managers.Values);
        // The in-house pool has workers in every family but planning: a planning requisition goes to local agencies at once.
        foreach (var family in new[] { JobFamily.SocialCare, JobFamily.Housing, JobFamily.BusinessSupport })
        {
            for (var i = 0; i < 5; i++)
            {
                var worker = new Worker(new WorkerProfile(faker.Name.FirstName(), faker.Name.LastName(), faker.Internet.Email(), null, UkPostcode.Parse("LU1 3JH"),
                    family, pool.Id, null, false, null), Now);
                db.Add(worker);
                worker.RecordRightToWork(new RightToWorkCheck(new DateOnly(2024, 1, 8), null));
            }
        }
        await db.SaveChangesAsync();

        for (var done = 0; done < requisitions; done += 2_000)
        {
            for (var i = done; i < Math.Min(requisitions, done + 2_000); i++)
            {
                var (code, role) = faker.PickRandom(roles);
                var approvedAt = Now.AddMinutes(-faker.Random.Int(1, 14 * 24 * 60));
                var start = DateOnly.FromDateTime(UkClock.InUk(Now).DateTime).AddDays(faker.Random.Int(3, 60));
                var requisition = Requisition.Raise(new RequisitionDetails(areas.Single(a => a.Code == code).Id, role.Id, role.Title, RequisitionReason.VacancyCover, null,
                    37m, start, start.AddDays(90), 45m, faker.Random.Int(1, 3), IsProjectTeam: false), managers[code].Id, managers[code].Email, approvedAt.AddDays(-1));
                requisition.Submit(managers[code].Email, approvedAt.AddDays(-1));
                requisition.Approve("approver@luton.example", approvedAt);
                requisition.Open("recruiter@luton.example", approvedAt);
                db.Add(requisition);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (local, all.Count(a => a.DpsReference is not null), agencies - 1 - local);
    }

    private static int Number(string[] args, string name, int otherwise) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], Invariant) : otherwise;

    /// <summary>The schedule's moment, moved on by hand between runs.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
