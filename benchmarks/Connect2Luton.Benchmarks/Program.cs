using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Connect2Luton.Benchmarks.Nightly;

// "nightly": the timed run of the nightly jobs over a large database (NightlyJobsBenchmark); "reports": the reports'
// answer times; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0].StartsWith("nightly", StringComparison.Ordinal)) return await NightlyJobsBenchmark.RunAsync(args);
// "reports": each report's answer time over a large database (ReportsBenchmark).
if (args is ["reports", ..]) return await Connect2Luton.Benchmarks.Reports.ReportsBenchmark.RunAsync(
    Array.IndexOf(args, "--placements") is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);

// "import": 10,000 workers (and live placements) brought in from CSV files, previewed and imported (ImportBenchmark).
if (args is ["import", ..]) return await Connect2Luton.Benchmarks.Imports.ImportBenchmark.RunAsync(args);

// "release": the scheduled release over 10,000 open requisitions and 500 agencies (ReleaseBenchmark).
if (args is ["release", ..]) return await Connect2Luton.Benchmarks.Release.ReleaseBenchmark.RunAsync(args);

// "approvals": 10,000 timesheets approved together and priced (ApprovalBenchmark).
if (args is ["approvals", ..]) return await Connect2Luton.Benchmarks.Timesheets.ApprovalBenchmark.RunAsync(args);

// In-process: the benchmarks run inside this build, with the repository's package pins, instead of a generated project.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
