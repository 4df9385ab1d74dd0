using BenchmarkDotNet.Attributes;
using Connect2Luton.Application;
using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect2Luton.Benchmarks;

/// <summary>
/// One full decision from each rule set through the application's ports (the real rule files, compiled and
/// warmed as they serve), and all four for one placement, against the same logic
/// hand-written in C#.
/// </summary>
[MemoryDiagnoser]
public class PolicyDecisionBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly PayRateFacts _payRate = new()
    {
        AsOf = Today, RoleTitle = "Social Worker (Children and Families)", JobFamily = "SocialCare", NjcGrade = "E", DfeRoleType = "SocialWorker",
        IsChildrensServices = true, IsInterim = false, PayRate = 34.50m, HolidayPay = 4.16m, EmployerNationalInsurance = 5.18m, EmployerPension = 0m,
        Margin = 4.82m, ChargeRate = 48.66m, WeeklyHours = 37m, SupplierKind = "LocalSupportingAgency",
    };

    private readonly LocalPreferenceFacts _preference = new()
    {
        AsOf = Today, PostcodeDistrict = "LU3", SupplierKind = "InHousePool", SupplierIsLocal = true, PreviousCouncil = "Luton Borough Council",
        PreviousCouncilRegion = "East of England", MonthsSinceLeftCouncilPost = 20, IsDfeRole = true, PostQualifiedYears = 6,
    };

    private readonly PlacementLengthFacts _length = new()
    {
        AsOf = Today, JobFamily = "SocialCare", IsInterim = false, IsExtension = true, StartDate = Today.AddDays(-200), EndDate = Today.AddDays(90),
        TotalWeeks = 42, WeeksInPost = 28, MonthsInPost = 6, AwrWeeks = 28, ApprovedBeyondLimit = false,
    };

    private readonly ConversionFacts _conversion = new()
    {
        AsOf = Today, ContinuousWeeks = 28, FeeFreeFrom = Today.AddDays(-14 * 7), RequisitionReason = "VacancyCover", IsInterim = false, RightToWorkValid = true, HasDbs = true,
        DbsMonthsOld = 14, RegistrationRequired = true, RegistrationValid = true, OpenToPermanentJob = true,
    };

    private ServiceProvider _services = null!;
    private IPayRatePolicy _payRates = null!;
    private ILocalPreferencePolicy _preferences = null!;
    private IPlacementLengthPolicy _lengths = null!;
    private IConversionPolicy _conversions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Services(RulesDirectory());
        _payRates = _services.GetRequiredService<IPayRatePolicy>();
        _preferences = _services.GetRequiredService<ILocalPreferencePolicy>();
        _lengths = _services.GetRequiredService<IPlacementLengthPolicy>();
        _conversions = _services.GetRequiredService<IConversionPolicy>();
        AgreeWithHandWritten();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "pay-rate-caps: rules")]
    public async ValueTask<PayRateDecision> PayRateRules() => await _payRates.DecideAsync(_payRate);

    [Benchmark(Description = "pay-rate-caps: hand-written")]
    public PolicyDecision PayRateHandWritten() => HandWrittenPolicies.PayRate(_payRate);

    [Benchmark(Description = "local-candidate-preference: rules")]
    public async ValueTask<LocalPreferenceDecision> PreferenceRules() => await _preferences.DecideAsync(_preference);

    [Benchmark(Description = "local-candidate-preference: hand-written")]
    public (PolicyDecision, int) PreferenceHandWritten() => HandWrittenPolicies.LocalPreference(_preference);

    [Benchmark(Description = "placement-length-limits: rules")]
    public async ValueTask<PlacementLengthDecision> LengthRules() => await _lengths.DecideAsync(_length);

    [Benchmark(Description = "placement-length-limits: hand-written")]
    public PolicyDecision LengthHandWritten() => HandWrittenPolicies.PlacementLength(_length);

    [Benchmark(Description = "permanent-conversion-eligibility: rules")]
    public async ValueTask<ConversionDecision> ConversionRules() => await _conversions.DecideAsync(_conversion);

    [Benchmark(Description = "permanent-conversion-eligibility: hand-written")]
    public PolicyDecision ConversionHandWritten() => HandWrittenPolicies.Conversion(_conversion);

    [Benchmark(Description = "all four for one placement: rules")]
    public async ValueTask<int> AllFourRules()
    {
        var pay = await _payRates.DecideAsync(_payRate);
        var preference = await _preferences.DecideAsync(_preference);
        var length = await _lengths.DecideAsync(_length);
        var conversion = await _conversions.DecideAsync(_conversion);
        return (int)pay.Outcome + preference.Points + length.Flags.Count + (conversion.Eligible ? 1 : 0);
    }

    [Benchmark(Description = "all four for one placement: hand-written")]
    public int AllFourHandWritten()
    {
        var pay = HandWrittenPolicies.PayRate(_payRate);
        var (_, points) = HandWrittenPolicies.LocalPreference(_preference);
        var length = HandWrittenPolicies.PlacementLength(_length);
        var conversion = HandWrittenPolicies.Conversion(_conversion);
        return pay.Outcome.Length + points + length.Failed.Count() + conversion.Outcome.Length;
    }

    /// <summary>The comparison only means something if both decide the same; stop before measuring if they do not.</summary>
    private void AgreeWithHandWritten()
    {
        var checks = new (string RuleSet, string Rules, string HandWritten)[]
        {
            ("pay-rate-caps", PayRateRules().AsTask().Result.Details.Outcome, PayRateHandWritten().Outcome),
            ("local-candidate-preference", PreferenceRules().AsTask().Result.Details.Outcome, PreferenceHandWritten().Item1.Outcome),
            ("placement-length-limits", LengthRules().AsTask().Result.Details.Outcome, LengthHandWritten().Outcome),
            ("permanent-conversion-eligibility", ConversionRules().AsTask().Result.Details.Outcome, ConversionHandWritten().Outcome),
        };
        foreach (var (ruleSet, rules, handWritten) in checks.Where(c => c.Rules != c.HandWritten))
            throw new InvalidOperationException($"{ruleSet}: the rules decided {rules} but the hand-written version {handWritten}.");
    }

    internal static ServiceProvider Services(string rulesDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Data Source=:memory:",
            ["Rules:Directory"] = rulesDirectory,
            ["Rules:WatchFiles"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var environment = new BenchmarkEnvironment();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddApplication();
        services.AddInfrastructure(configuration, environment);
        return services.BuildServiceProvider();
    }

    internal static string RulesDirectory()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "rules", "pay-rate-caps.json"))) folder = folder.Parent;
        return folder is null ? throw new InvalidOperationException("Run the benchmarks from inside the repository.") : Path.Combine(folder.FullName, "rules");
    }

    private sealed class BenchmarkEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";
        public string ApplicationName { get; set; } = "Connect2Luton.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
