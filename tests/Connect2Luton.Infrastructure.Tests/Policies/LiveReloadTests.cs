using Connect2Luton.Application.RuleSets;
using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>Editing the rule files on disk, as an officer or a deployment would, while the app is serving.</summary>
public sealed class LiveReloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly RuleFolderCopy _rules = RuleFiles.Copy();
    private ServiceProvider _services = null!;
    private RuleSetRegistry _registry = null!;
    private IPayRatePolicy _payRates = null!;

    public async Task InitializeAsync()
    {
        _services = TestServices.ForPolicies(_rules.Directory, watchFiles: true);
        _registry = _services.GetRequiredService<RuleSetRegistry>();
        _payRates = _services.GetRequiredService<IPayRatePolicy>();
        await _services.GetRequiredService<RuleFileWatcher>().StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.GetRequiredService<RuleFileWatcher>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        _rules.Dispose();
    }

    [Fact]
    public async Task Changing_a_cap_in_the_file_changes_the_decision_without_a_restart()
    {
        var facts = Facts.ChildrensSocialWorker(pay: 34.00m, holiday: 4.10m, ni: 5.10m);
        var before = await _payRates.DecideAsync(facts);
        before.Outcome.ShouldBe(PayRateOutcome.Allowed);

        // Lower the social worker cap to £43, with the test cases written against it moved to the new cap as the
        // workspace moves them.
        var reloaded = NextReload();
        var lowered = _rules.Read("pay-rate-caps.json").Replace("\"Expression\": \"45.00m\"", "\"Expression\": \"43.00m\"", StringComparison.Ordinal);
        var draft = RuleSetCompiler.Compile(RuleSetDefinition.PayRateCaps, lowered, null, runTestCases: false).RuleSet.ShouldNotBeNull();
        _rules.Replace("tests/pay-rate-caps.cases.json", CaseBoundaries.Review(draft, _rules.Read("tests/pay-rate-caps.cases.json"), moveBoundaries: true).TestCasesJson!);
        _rules.Replace("pay-rate-caps.json", lowered);
        await WaitForServingAsync(reloaded);

        var after = await _payRates.DecideAsync(facts);
        after.Outcome.ShouldBe(PayRateOutcome.NeedsException);
        after.Details.Figures["dfeCap"].ShouldBe(43.00m);
        after.Details.Version.ShouldNotBe(before.Details.Version);
    }

    [Fact]
    public async Task A_file_corrupted_on_disk_leaves_the_last_good_version_serving_and_tells_officers()
    {
        var good = _registry.ServingVersionOf("pay-rate-caps")!.Version;

        var reloaded = NextReload();
        _rules.Replace("pay-rate-caps.json", "{ \"WorkflowName\": \"pay-rate-caps\", \"Rules\": [ { \"RuleName\": ");
        var result = await reloaded.WaitAsync(Patience);

        result.Succeeded.ShouldBeFalse();
        var status = _services.GetRequiredService<IRuleSetCatalogue>().Current.Single(s => s.Name == "pay-rate-caps");
        status.ServingVersion.ShouldBe(good);
        status.Problems.ShouldHaveSingleItem().ToString().ShouldStartWith("pay-rate-caps.json (line 1): The JSON cannot be read");
        (await _payRates.DecideAsync(Facts.ChildrensSocialWorker())).Details.Version.ShouldBe(good);
    }

    [Fact]
    public async Task Putting_a_good_file_back_clears_the_warning()
    {
        var original = _rules.Read("pay-rate-caps.json");
        var broken = NextReload();
        _rules.Replace("pay-rate-caps.json", "not json at all");
        (await broken.WaitAsync(Patience)).Succeeded.ShouldBeFalse();

        var fixedAgain = NextReload();
        _rules.Replace("pay-rate-caps.json", original);
        await WaitForServingAsync(fixedAgain);

        _services.GetRequiredService<IRuleSetCatalogue>().Current.ShouldAllBe(s => s.IsServing && s.Problems.Count == 0);
    }

    // A save can arrive as several file events; wait for the reload that succeeds.
    private async Task WaitForServingAsync(Task<RuleSetLoadResult> first)
    {
        var result = await first.WaitAsync(Patience);
        while (!result.Succeeded && result.Problems.Any(p => p.File.EndsWith(".cases.json", StringComparison.Ordinal) || p.Message.Contains("expected", StringComparison.Ordinal)))
            result = await NextReload().WaitAsync(Patience);
        result.Problems.ShouldBeEmpty();
    }

    private Task<RuleSetLoadResult> NextReload()
    {
        var next = new TaskCompletionSource<RuleSetLoadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, RuleSetLoadResult result)
        {
            if (result.Name != "pay-rate-caps") return;
            _registry.Reloaded -= Handler;
            next.TrySetResult(result);
        }
        _registry.Reloaded += Handler;
        return next.Task;
    }
}
