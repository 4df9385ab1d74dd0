using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// Broken and hostile versions of the pay-rate cap rules, each offered to the serving registry: every one is
/// refused with a message that says what is wrong and where, and the last good version keeps deciding.
/// </summary>
public sealed class UnsafeRuleFileTests : IAsyncLifetime
{
    private const string CapRule = "\"Expression\": \"dfeCappedRate <= dfeCap\"";
    private ServiceProvider _services = null!;
    private RuleSetRegistry _registry = null!;
    private string _json = null!;
    private string _cases = null!;

    public async Task InitializeAsync()
    {
        _services = TestServices.ForPolicies();
        _registry = _services.GetRequiredService<RuleSetRegistry>();
        await _registry.EnsureLoadedAsync();
        _json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "pay-rate-caps.json"));
        _cases = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", "pay-rate-caps.cases.json"));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public static TheoryData<string, string, string> Corpus => new()
    {
        { "malformed JSON", "TRUNCATE", "The JSON cannot be read" },
        { "an unknown key", "\"WorkflowName\": \"pay-rate-caps\",|\"WorkflowName\": \"pay-rate-caps\", \"RunAsAdmin\": true,", "'RunAsAdmin' is not a key allowed at $" },
        { "a key in the wrong case", "\"SuccessEvent\": \"£{input.PayRate:0.00} an hour is at least|\"successEvent\": \"£{input.PayRate:0.00} an hour is at least", "'successEvent' is not a key allowed" },
        { "a key written twice", "\"WorkflowName\": \"pay-rate-caps\",|\"WorkflowName\": \"pay-rate-caps\", \"WorkflowName\": \"pay-rate-caps\",", "appears twice" },
        { "a misspelt fact", "\"Expression\": \"input.PayRate >= nationalLivingWage\"|\"Expression\": \"input.PayRat >= nationalLivingWage\"", "there is no fact called 'PayRat'" },
        { "a type error", "\"Expression\": \"input.PayRate >= nationalLivingWage\"|\"Expression\": \"input.RoleTitle >= nationalLivingWage\"", "The expression cannot be read" },
        { "a rule that is not a yes/no test", "\"Expression\": \"input.PayRate >= nationalLivingWage\"|\"Expression\": \"input.PayRate + nationalLivingWage\"", "A rule must be a yes/no test" },
        { "reflection through GetType", $"{CapRule}|\"Expression\": \"input.GetType().Assembly.Location != null\"", "'GetType' reaches into the program itself" },
        { "an unbounded loop", $"{CapRule}|\"Expression\": \"Enumerable.Range(0, int.MaxValue).Count() > 0\"", "'Enumerable.Range' is not a function rules may use" },
        { "a call to the file system", $"{CapRule}|\"Expression\": \"System.IO.File.Exists(\\\"/etc/passwd\\\")\"", "The expression cannot be read" },
        { "object creation", $"{CapRule}|\"Expression\": \"DateTime(2026, 1, 1) != null\"", "Rules may not create objects or lists" },
        { "a huge string", $"{CapRule}|\"Expression\": \"input.RoleTitle != \\\"{new string('x', 600)}\\\"\"", "A text value is 600 characters long; the most a rule may hold is 500." },
        { "an over-long expression", $"{CapRule}|\"Expression\": \"{string.Join(" || ", Enumerable.Repeat("input.PayRate > 1", 80))}\"", "The expression is 1,676 characters long; the most is 1,000" },
        { "a huge file", "HUGE", "more than 200,000 characters long, the most a rule file may be" },
        { "named values that double at every layer", $"\"GlobalParams\": [|\"GlobalParams\": [ {Doubling(12)}", "Use fewer layers of named values built on each other" },
        { "the wrong workflow", "\"WorkflowName\": \"pay-rate-caps\"|\"WorkflowName\": \"anything-goes\"", "WorkflowName is 'anything-goes' but this file must hold the 'pay-rate-caps' rule set." },
        { "an outcome that does not exist", "\"Outcome\": \"Refused\", \"Figures\": [ \"nationalLivingWage\" ]|\"Outcome\": \"Blocked\", \"Figures\": [ \"nationalLivingWage\" ]", "Blocked is not an outcome a rule that fails gives here: Over the cap: needs sign-off or Refused." },
        { "a message naming a missing fact", "is below the National Living Wage of|is below {input.Salary} the National Living Wage of", "there is no fact called 'Salary'" },
        { "a value that is not an object", "\"GlobalParams\": [|\"GlobalParams\": [ 42,", "$.GlobalParams[0] should be a value, written in braces with its Name and Expression" },
        { "an on-cost rate that is not a fraction", "\"Expression\": \"0.15m\"|\"Expression\": \"15m\"", "It must be a percentage from 0% up to (not including) 100%" },
        { "an on-cost rate worked out from facts", "\"Expression\": \"0.1207m\", \"Label\": \"Holiday pay\", \"Type\": \"Percentage\",|\"Expression\": \"input.PayRate\", \"Label\": \"Holiday pay\",", "It must be a percentage from 0% up to (not including) 100%, like 15%, set as a value rather than worked out" },
        { "a missing on-cost rate", "\"Name\": \"inHousePoolPensionRate\"|\"Name\": \"pensionRate\"", "The named value 'inHousePoolPensionRate' is missing" },
        { "a whole-number format on money", "is below the National Living Wage of|is below {input.PayRate:D8} the National Living Wage of", "format" },
        { "a change its own test cases catch", "\"Expression\": \"45.00m\"|\"Expression\": \"44.00m\"", "Children's social worker a penny under the DfE cap" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task An_unsafe_or_broken_rule_file_is_refused_and_the_last_good_version_keeps_serving(string what, string change, string expected)
    {
        var before = _registry.ServingVersionOf("pay-rate-caps")!.Version;

        var result = await _registry.OfferAsync(RuleSetDefinition.PayRateCaps, Mutate(_json, change), _cases);

        result.Succeeded.ShouldBeFalse(what);
        result.Problems.Select(p => p.ToString()).ShouldContain(p => p.Contains(expected), $"{what}: {string.Join(" | ", result.Problems)}");
        // Whatever is wrong, the officer is told in words, never with the name of a .NET type.
        result.Problems.ShouldAllBe(p => !p.Message.Contains("Connect2Luton.") && !p.Message.Contains("System."), what);
        _registry.ServingVersionOf("pay-rate-caps")!.Version.ShouldBe(before);
        var status = _services.GetRequiredService<IRuleSetCatalogue>().Current.Single(s => s.Name == "pay-rate-caps");
        status.ServingVersion.ShouldBe(before);
        status.Problems.ShouldNotBeEmpty();
        var decision = await _services.GetRequiredService<IPayRatePolicy>().DecideAsync(Facts.ChildrensSocialWorker());
        decision.Outcome.ShouldBe(PayRateOutcome.Allowed);
        decision.Details.Version.ShouldBe(before);
    }

    public static TheoryData<string> Hostile => new(HostileRuleDrafts.PayRateCaps.Keys);

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Hostile))]
    public async Task A_rule_file_written_to_take_the_service_down_is_refused_with_the_reason_and_the_last_good_version_keeps_serving(string what)
    {
        var (draft, refusal) = HostileRuleDrafts.PayRateCaps[what];
        var before = _registry.ServingVersionOf("pay-rate-caps")!.Version;

        var result = await _registry.OfferAsync(RuleSetDefinition.PayRateCaps, draft(_json), _cases);

        result.Problems.Select(p => p.ToString()).ShouldContain(p => p.Contains(refusal), $"{what}: {string.Join(" | ", result.Problems)}");
        result.Problems.ShouldAllBe(p => p.Line != null, "each refusal points at the value, rule or message's line");
        _registry.ServingVersionOf("pay-rate-caps")!.Version.ShouldBe(before);
        (await _services.GetRequiredService<IPayRatePolicy>().DecideAsync(Facts.ChildrensSocialWorker())).Details.Version.ShouldBe(before);
    }

    [Fact]
    public async Task A_refusal_points_at_the_rule_and_line()
    {
        var result = await _registry.OfferAsync(RuleSetDefinition.PayRateCaps, Mutate(_json, $"{CapRule}|\"Expression\": \"input.GetType() != null\""), _cases);

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.File.ShouldBe("pay-rate-caps.json");
        problem.Rule.ShouldBe("WithinDfeCap");
        problem.Line.ShouldBe(_json[.._json.IndexOf("\"RuleName\": \"WithinDfeCap\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1);
    }

    [Theory]
    [InlineData("3000000000m", "10m", "came to 3000000000, which is not a whole number from -1,000 to 1,000")]
    [InlineData("-2147483647 - 1", "10", "came to -2147483648, which is not a whole number from -1,000 to 1,000")]
    public async Task Points_worked_out_out_of_range_for_some_facts_fail_their_rule_with_the_reason_instead_of_failing_the_shortlist(string points, string otherwise, string reason)
    {
        var preference = RuleSetDefinition.LocalCandidatePreference;
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, preference.FileName));
        var cases = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", preference.TestCasesFileName));
        json = HostileRuleDrafts.PointsTooLargeForLu6(json, points, otherwise);
        (await _registry.OfferAsync(preference, json, cases)).Problems.ShouldBeEmpty("no test case lives in LU6");

        var decision = await _services.GetRequiredService<ILocalPreferencePolicy>().DecideAsync(Facts.Worker(district: "LU6"));

        var nearby = decision.Details.Rules.Single(r => r.Rule == "LivesNearby");
        nearby.Passed.ShouldBeFalse();
        nearby.Message.ShouldContain(reason);
        decision.Points.ShouldBe(12, "the points of the rules that could be worked out (a local supplier, the in-house pool) still count");
    }

    [Fact]
    public void A_message_that_would_write_out_to_megabytes_is_cut_short()
    {
        var (trial, problems) = _registry.Try("pay-rate-caps", HostileRuleDrafts.MessageThatWritesMegabytes(_json));
        problems.ShouldBeEmpty("every bound holds for what was written");

        var message = trial.ShouldNotBeNull().Decide(Facts.ChildrensSocialWorker()).Rules.Single(r => r.Rule == "Amplified").Message;

        message.Length.ShouldBe(MessageTemplate.MostWritten + 1);
        message.ShouldEndWith("…");
    }

    [Fact]
    public async Task A_rule_set_without_test_cases_is_refused()
    {
        var result = await _registry.OfferAsync(RuleSetDefinition.PayRateCaps, _json, testCasesJson: null);

        result.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("There are no test cases");
    }

    // twice1 = input.PayRate + input.PayRate, twice2 = twice1 + twice1, ...: each short, together exponential.
    private static string Doubling(int layers) => string.Concat(Enumerable.Range(1, layers).Select(i =>
        $"{{ \"Name\": \"twice{i}\", \"Expression\": \"{(i == 1 ? "input.PayRate" : $"twice{i - 1}")} + {(i == 1 ? "input.PayRate" : $"twice{i - 1}")}\" }}, "));

    private static string Mutate(string json, string change) => change switch
    {
        "TRUNCATE" => json[..(json.Length / 2)],
        "HUGE" => json.Replace("\"Description\": \"The most a role", $"\"Description\": \"{new string('y', 210_000)}The most a role", StringComparison.Ordinal),
        _ => Replace(json, change.Split('|', 2)[0], change.Split('|', 2)[1]),
    };

    private static string Replace(string json, string from, string to)
    {
        json.ShouldContain(from, customMessage: "the test's change must apply to the shipped file");
        var at = json.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(json.AsSpan(0, at), to, json.AsSpan(at + from.Length));
    }
}
