using System.Diagnostics;
using System.Globalization;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Imports;
using Connect2Luton.Benchmarks.Nightly;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect2Luton.Benchmarks.Imports;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Connect2Luton.Benchmarks -- import --workers 10000 --placements 2000`:
/// a file of workers made with Bogus (the tests' generator, en_GB), brought into a fresh SQLite file (migrated, with
/// a service, a role, an agency and a hiring manager set up) as an admin brings it in: the upload checked and kept,
/// its preview, the import confirmed; then the same file again (every row unchanged) and a file of live placements
/// for the first workers. The first run in the process is cold (code compiled and the rules loaded as it goes); the
/// runs after it are warm, each on a fresh file. Targets: 10,000 workers previewed in under 10 s and imported in
/// under 30 s.
/// </summary>
internal static class ImportBenchmark
{
    private const string Agency = "Benchmark Staffing";
    private const string Manager = "head.of.service@benchmark.example";
    private const string Role = "Social Worker (Children and Families)";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var workers = Number(args, "--workers", 10_000);
        var placements = Math.Min(workers, Number(args, "--placements", 2_000));
        var runs = Number(args, "--runs", 4);
        var folder = Path.Combine(NightlyJobsBenchmark.RepositoryRoot(), "artifacts", "import");
        Directory.CreateDirectory(folder);
        var today = TimeProvider.System.Today();
        var workersFile = ImportFiles.WorkersFile(ImportFiles.Workers(workers, Agency, today));
        var placementsFile = ImportFiles.PlacementsFile(Enumerable.Range(1, placements)
            .Select(i => ImportFiles.Placement($"P-{i:00000}", $"W-{i:00000}", "CSC", Role, Manager, 30m + i % 5, today)));
        Console.WriteLine(string.Create(Invariant,
            $"{workers:N0} workers ({workersFile.Length / 1024.0 / 1024.0:N1} MB) and {placements:N0} live placements ({placementsFile.Length / 1024.0 / 1024.0:N1} MB); {runs} runs, the first cold, each on a fresh SQLite file in {folder}."));
        Console.WriteLine($"{"run",-12} {"workers: upload s",18} {"preview s",10} {"import s",9} {"again: preview s",17} {"placements: preview s",22} {"import s",9}");

        var timings = new List<double[]>();
        for (var run = 1; run <= runs; run++)
        {
            var file = Path.Combine(folder, $"import-{run}.db");
            foreach (var old in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists)) File.Delete(old);
            await using var services = NightlyJobsBenchmark.Services(file, baseline: false, more => more.Replace(ServiceDescriptor.Scoped<ICurrentUser, Admin>()));
            await PrepareAsync(services);

            var (upload, preview, version, added) = await CheckAsync(services, ImportKind.Workers, workersFile);
            var import = await ConfirmAsync(services, upload, version);
            var (_, again, _, unchanged) = await CheckAsync(services, ImportKind.Workers, workersFile);
            var (placementsUpload, placementsPreview, placementsVersion, booked) = await CheckAsync(services, ImportKind.Placements, placementsFile);
            var placementsImport = await ConfirmAsync(services, placementsUpload, placementsVersion);
            if (added != workers || unchanged != 0 || booked != placements)
                throw new InvalidOperationException($"Expected {workers} workers and {placements} placements to import, and nothing the second time; got {added}, {unchanged} and {booked}.");

            double[] times = [preview.Upload, preview.Preview, import, again.Preview, placementsPreview.Preview, placementsImport];
            if (run > 1) timings.Add(times);
            Console.WriteLine(string.Create(Invariant, $"{(run == 1 ? "cold" : $"warm {run - 1}"),-12} {times[0],18:N2} {times[1],10:N2} {times[2],9:N2} {times[3],17:N2} {times[4],22:N2} {times[5],9:N2}"));
            SqliteConnection.ClearAllPools();
        }
        if (timings.Count > 0)
        {
            var median = Enumerable.Range(0, 6).Select(i => timings.Select(t => t[i]).Order().ElementAt(timings.Count / 2)).ToArray();
            Console.WriteLine(string.Create(Invariant, $"{"warm median",-12} {median[0],18:N2} {median[1],10:N2} {median[2],9:N2} {median[3],17:N2} {median[4],22:N2} {median[5],9:N2}"));
        }
        return 0;
    }

    private sealed record Checked(double Upload, double Preview);

    /// <summary>The upload (checked and kept) and its preview, timed apart; with the preview's version and how many rows it would save.</summary>
    private static async Task<(int Upload, Checked Times, string Version, int ToImport)> CheckAsync(ServiceProvider services, ImportKind kind, byte[] file)
    {
        var watch = Stopwatch.StartNew();
        int id;
        await using (var scope = services.CreateAsyncScope())
        {
            var uploaded = await scope.ServiceProvider.GetRequiredService<DataImports>().UploadAsync(kind, "benchmark.csv", file.Length, new MemoryStream(file), CancellationToken.None);
            if (!uploaded.Succeeded) throw new InvalidOperationException(string.Join("; ", uploaded.Errors.Values));
            id = uploaded.Id;
        }
        var upload = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await using var previewing = services.CreateAsyncScope();
        var preview = (await previewing.ServiceProvider.GetRequiredService<DataImports>().PreviewAsync(id, CancellationToken.None))!;
        var problems = preview.Problems.Take(3).Select(p => $"row {p.Row}, {p.Column}: {p.Message}").ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));
        return (id, new Checked(upload, watch.Elapsed.TotalSeconds), preview.Version, preview.ToImport);
    }

    private static async Task<double> ConfirmAsync(ServiceProvider services, int upload, string version)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var confirmed = await scope.ServiceProvider.GetRequiredService<DataImports>().ConfirmAsync(upload, version, CancellationToken.None);
        if (!confirmed.Result.Succeeded) throw new InvalidOperationException(confirmed.Result.Message);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>A migrated database with what the files name: a children's service and its hiring manager, the role and the agency.</summary>
    private static async Task PrepareAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var area = new ServiceArea("CSC", "Children's Social Care", "Children, Families and Education", true, 610m);
        db.AddRange(area, new SupplyAgency(Agency, SupplyAgencyKind.LocalSupportingAgency, 0.09m, true, null),
            new JobRole(Role, JobFamily.SocialCare, "E", 39_027m, 44_463m, RegistrationBody.SocialWorkEngland, DfeRoleType.SocialWorker, false));
        await db.SaveChangesAsync();
        db.Add(new HiringManager("Dana Head", Manager, "Head of Service", area.Id, null));
        await db.SaveChangesAsync();
    }

    private static int Number(string[] args, string name, int otherwise) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], Invariant) : otherwise;

    private sealed class Admin : ICurrentUser
    {
        public string Name => "benchmark-admin";

        public int? ServiceAreaId => null;

        public bool IsInRole(string role) => role == Roles.Admin;
    }
}
