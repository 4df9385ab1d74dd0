using System.Diagnostics;
using System.Globalization;
using Connect2Luton.Application;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect2Luton.Benchmarks.Nightly;

/// <summary>
/// A timed run of both nightly jobs over a large SQLite database of live placements, as the app runs them (the rule
/// engine deciding) and as a baseline with the same reads and writes and the default rules hand-written:
///
///   dotnet run -c Release --project benchmarks/Connect2Luton.Benchmarks -- nightly [--placements 1000000]
///
/// The database is seeded once (artifacts/nightly) and copied for each run, so every run starts from the same night.
/// Each run is a process of its own, so its peak memory is its own. A second night, the next day over the same copy,
/// shows the steady state: a run finds most of what it would raise already raised, and raises what the day brings.
/// </summary>
internal static class NightlyJobsBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var placements = Option(args, "--placements") is { } n ? int.Parse(n, Invariant) : 1_000_000;
        return args[0] switch
        {
            "nightly-seed" => await SeedAsync(Option(args, "--db")!, placements),
            "nightly-run" => await RunJobsAsync(Option(args, "--db")!, Option(args, "--kind")!, Option(args, "--mode") == "at once", Option(args, "--days-on") is { } days ? int.Parse(days, Invariant) : 0),
            _ => await CompareAsync(placements),
        };
    }

    private static async Task<int> CompareAsync(int placements)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "nightly");
        Directory.CreateDirectory(folder);
        var template = Path.Combine(folder, $"live-{placements}.db");
        if (!File.Exists(template))
        {
            Console.WriteLine($"Seeding {placements:N0} live placements into {template} (once) ...");
            if (await ChildAsync("nightly-seed", "--db", template + ".partial", "--placements", placements.ToString(Invariant)) != 0) return 1;
            File.Move(template + ".partial", template);
        }

        Console.WriteLine($"{"run",-46} {"job",-30} {"seconds",8} {"per second",11} {"peak MB",8} {"private",8} {"flags",10} {"prompts",9}");
        // One after the other shows each job's own figures; at once is how the schedule runs them (both at 02:30).
        foreach (var (kind, mode) in new[] { ("app", "one after the other"), ("app", "at once"), ("baseline", "one after the other"), ("baseline", "at once") })
        {
            var work = Path.Combine(folder, $"work-{kind}.db");
            File.Copy(template, work, overwrite: true);
            // The second night is the next day's, as the schedule runs it: what was raised stays raised, and the day
            // moves each placement's weeks and months on (a day's AWR warnings and length flags are new).
            foreach (var (night, daysOn) in new[] { ("first night", 0), ("second night", 1) })
            {
                if (await ChildAsync("nightly-run", "--db", work, "--kind", kind, "--mode", mode, "--days-on", daysOn.ToString(Invariant), "--label", $"{kind}, {mode}, {night}") != 0) return 1;
            }
            File.Delete(work);
        }
        return 0;
    }

    private static async Task<int> SeedAsync(string file, int placements)
    {
        await using var services = Services(file, baseline: false);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
            var seeded = await scope.ServiceProvider.GetRequiredService<VolumeSeeder>().SeedAsync(placements, placements, allLive: true, CancellationToken.None);
            Console.WriteLine($"Seeded {seeded.Workers:N0} workers and {seeded.Placements:N0} placements ({seeded.LivePlacements:N0} live) in {seeded.Elapsed.TotalSeconds:N0} s.");
        }
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<int> RunJobsAsync(string file, string kind, bool atOnce, int daysOn)
    {
        using var sampling = PrivateMemory.StartSampling();
        using var allocations = System.Environment.GetEnvironmentVariable("NIGHTLY_ALLOCS") == "1" ? new AllocationSampler() : null;
        await using var services = Services(file, baseline: kind == "baseline",
            more: daysOn == 0 ? null : s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new DaysOn(daysOn))));
        var runner = services.GetRequiredService<NightlyRunner>();
        // The app loads and checks its rule sets, and builds its EF model (migrating at start), before a job can
        // fire: so does this, untimed. Both cost seconds once per process, and would otherwise be timed as the job's.
        var loading = Stopwatch.StartNew();
        await services.GetRequiredService<IPlacementLengthPolicy>().AwrBreakRulesAsync(CancellationToken.None);
        // A template seeded before a schema change is brought up to date, as the app would at start.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            _ = await db.JobRuns.AnyAsync();
        }
        if (System.Environment.GetEnvironmentVariable("NIGHTLY_VERBOSE") == "1") Console.WriteLine($"  rule sets loaded and checked, EF model built, in {loading.Elapsed.TotalSeconds:N1} s");
        if (atOnce)
        {
            var both = Stopwatch.StartNew();
            var results = await Task.WhenAll(
                Task.Run(() => runner.RunAsync<PlacementFlagReview>("benchmark", CancellationToken.None)),
                Task.Run(() => runner.RunAsync<ConversionPromptReview>("benchmark", CancellationToken.None)));
            Report("both jobs at once", both.Elapsed.TotalSeconds, results[0].Totals with { PromptsRaised = results[1].Totals.PromptsRaised });
            allocations?.Print();
            foreach (var result in results.Where(r => r.Status != Domain.Jobs.JobRunStatus.Succeeded))
                Console.WriteLine($"  a run ended {result.Status} with {result.Failures} failures");
            return 0;
        }
        // NIGHTLY_ONLY=flags or prompts runs one job, to look at it alone.
        var only = System.Environment.GetEnvironmentVariable("NIGHTLY_ONLY");
        if (only is null or "flags") await Time(runner.RunAsync<PlacementFlagReview>, "flag long-running placements");
        if (only is null or "prompts") await Time(runner.RunAsync<ConversionPromptReview>, "raise conversion prompts");
        if (System.Environment.GetEnvironmentVariable("NIGHTLY_WARM") == "1")
        {
            await Time(runner.RunAsync<PlacementFlagReview>, "flag (warm)");
            await Time(runner.RunAsync<ConversionPromptReview>, "prompts (warm)");
        }
        return 0;

        async Task Time(Func<string, CancellationToken, Task<JobRunResult>> run, string job)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await run("benchmark", CancellationToken.None);
            Report(job, stopwatch.Elapsed.TotalSeconds, result.Totals);
            if (result.Status != Domain.Jobs.JobRunStatus.Succeeded) Console.WriteLine($"  the run ended {result.Status} with {result.Failures} failures");
        }
    }

    private static void Report(string job, double seconds, ReviewCounts totals)
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(Invariant,
            $"{Environment.GetEnvironmentVariable("NIGHTLY_LABEL"),-46} {job,-30} {seconds,8:N1} {totals.Scanned / seconds,11:N0} {process.PeakWorkingSet64 / 1024 / 1024,8:N0} {PrivateMemory.PeakMegabytes,8:N0} {totals.FlagsRaised,10:N0} {totals.PromptsRaised,9:N0}"));
        if (System.Environment.GetEnvironmentVariable("NIGHTLY_VERBOSE") == "1")
            Console.WriteLine(string.Create(Invariant, $"  GC: server {System.Runtime.GCSettings.IsServerGC}, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:N1} s, allocated {GC.GetTotalAllocatedBytes() / 1024 / 1024:N0} MB, committed by the collector at the peak {PrivateMemory.ManagedAtPeakMegabytes:N0} MB; {PrivateMemory.AtPeak}"));
    }

    internal static ServiceProvider Services(string file, bool baseline, Action<IServiceCollection>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString(),
            ["Rules:Directory"] = Path.Combine(RepositoryRoot(), "rules"),
            ["Rules:WatchFiles"] = "false",
            // As the app's own settings have it (appsettings.json).
            ["Database:ThreadSafetyChecks"] = "false",
        };
        // NIGHTLY_BATCH=n runs the jobs with another batch size, to compare.
        if (System.Environment.GetEnvironmentVariable("NIGHTLY_BATCH") is { } batch) settings["Scheduling:BatchSize"] = batch;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // NIGHTLY_SQL=1 prints every command with its duration, to see where a run spends its time.
        if (System.Environment.GetEnvironmentVariable("NIGHTLY_SQL") == "1")
            services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information));
        else
        {
            services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        }
        var environment = new Environment_();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddApplication();
        services.AddInfrastructure(configuration, environment);
        if (baseline)
        {
            services.Replace(ServiceDescriptor.Singleton<IPlacementLengthPolicy, HandWrittenLengthPolicy>());
            services.Replace(ServiceDescriptor.Singleton<IConversionPolicy, HandWrittenConversionPolicy>());
        }
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static async Task<int> ChildAsync(params string[] args)
    {
        var label = Array.IndexOf(args, "--label") is var at and >= 0 ? args[at + 1] : string.Empty;
        var host = System.Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Run as "dotnet Connect2Luton.Benchmarks.dll", or through the app host: the same program either way.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(NightlyJobsBenchmark).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NIGHTLY_LABEL"] = label;
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    internal static string RepositoryRoot() => Path.GetDirectoryName(PolicyDecisionBenchmarks.RulesDirectory())!;

    private sealed class Environment_ : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";
        public string ApplicationName { get; set; } = "Connect2Luton.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>The clock some days on from today: a later night over the same database.</summary>
internal sealed class DaysOn(int days) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddDays(days);

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}

/// <summary>
/// The process's peak private memory (heap and native allocations), sampled: the working set also counts the pages
/// of the database file SQLite has memory-mapped (up to 256 MB per connection), which the system can drop at will.
/// </summary>
internal static class PrivateMemory
{
    private static long _peakKilobytes;

    public static long PeakMegabytes => Interlocked.Read(ref _peakKilobytes) / 1024;

    /// <summary>What the garbage collector had committed when private memory peaked: the rest is native (SQLite's page caches, mostly).</summary>
    public static long ManagedAtPeakMegabytes { get; private set; }

    public static string AtPeak { get; private set; } = string.Empty;

    public static Timer StartSampling()
    {
        // As Microsoft.Data.Sqlite does on its first connection, so SQLite's own figures can be read from the start.
        SQLitePCL.Batteries_V2.Init();
        return new(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    private static void Sample()
    {
        if (!File.Exists("/proc/self/status")) return;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("RssAnon:", StringComparison.Ordinal)) continue;
            var kilobytes = long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            if (kilobytes > Interlocked.Read(ref _peakKilobytes))
            {
                Interlocked.Exchange(ref _peakKilobytes, kilobytes);
                var info = GC.GetGCMemoryInfo();
                ManagedAtPeakMegabytes = info.TotalCommittedBytes / 1024 / 1024;
                // What the last collection found still in use, generation by generation, and what it kept as fragments.
                AtPeak = string.Create(CultureInfo.InvariantCulture,
                    $"heap after the last collection {info.HeapSizeBytes / 1024 / 1024:N0} MB (live by generation {string.Join("/", Enumerable.Range(0, 5).Select(g => info.GenerationInfo[g].SizeAfterBytes / 1024 / 1024))} MB, fragmented {info.FragmentedBytes / 1024 / 1024:N0} MB), that collection gen{info.Generation}; SQLite's own heap {SQLitePCL.raw.sqlite3_memory_used() / 1024 / 1024:N0} MB (page caches of pooled connections, mostly)");
            }
            return;
        }
    }
}
