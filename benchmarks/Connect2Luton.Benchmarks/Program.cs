using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Connect2Luton.Benchmarks.Nightly;

// "nightly": the timed run of the nightly jobs over a large database (NightlyJobsBenchmark); anything else goes to
// BenchmarkDotNet.
if (args.Length > 0 && args[0].StartsWith("nightly", StringComparison.Ordinal)) return await NightlyJobsBenchmark.RunAsync(args);

// In-process: the benchmarks run inside this build, with the repository's package pins, instead of a generated project.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
