using System.Text.Json;
using System.Text.Json.Nodes;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Application.RuleSets.Values;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// A rule that names an outcome, a flag or a sign-off the rule set does not have is refused with the outcomes and
/// flags it does have said as pages say them ("Not yet", "Over the cap: needs sign-off"), never by the names the
/// code gives them, in every rule set; what the officer wrote is quoted as written.
/// </summary>
public sealed class ProblemWordsTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private ServiceProvider _services = null!;
    private RuleSetRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        _services = TestServices.ForPolicies();
        _registry = _services.GetRequiredService<RuleSetRegistry>();
        await _registry.EnsureLoadedAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public static TheoryData<string> RuleSets => new(RuleSetDefinition.BuiltIn.Select(d => d.Name));

    public static TheoryData<string, string> SupplierReleaseOutcomes => new()
    {
        { "Explode", "Explode is not an outcome a rule that fails gives here: Not yet or Never." },
        { "Release", "Release is what these rules decide when no rule fails: a rule that fails gives Not yet or Never." },
        { "never", "never is not an outcome a rule that fails gives here: Not yet or Never. Write it with its capitals, as the other rules do." },
    };

    [Theory]
    [MemberData(nameof(SupplierReleaseOutcomes))]
    public async Task A_supplier_release_rule_with_an_outcome_it_cannot_give_is_refused_naming_the_outcomes_in_words(string outcome, string expected)
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, r => FirstRuleWithAnOutcome(r)["Properties"]!["Outcome"] = outcome);

        result.Problems.ShouldHaveSingleItem().Message.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public async Task A_rule_with_an_outcome_its_rule_set_never_gives_is_refused_in_words_in_every_rule_set(string name)
    {
        var definition = RuleSetDefinition.BuiltIn.Single(d => d.Name == name);

        var result = await OfferAsync(definition, r => FirstRuleWithAnOutcome(r)["Properties"]!["Outcome"] = "Explode");

        var message = result.Problems.ShouldHaveSingleItem().Message;
        message.ShouldStartWith("Explode is not an outcome a rule that fails gives here: ");
        foreach (var outcome in definition.FailureOutcomesBySeverity)
            message.ShouldContain(CodeWords.Outcome(outcome));
        ShouldSayNoCodeNames(message, definition);
    }

    [Fact]
    public async Task A_rule_that_needs_sign_off_without_approvers_is_refused_naming_the_outcome_in_words()
    {
        var result = await OfferAsync(RuleSetDefinition.PayRateCaps, r =>
        {
            var rule = r["Rules"]!.AsArray().First(x => x!["Properties"]?["Outcome"]?.GetValue<string>() == "NeedsException")!;
            rule["Properties"]!.AsObject().Remove("Approvers");
        });

        var message = result.Problems.ShouldHaveSingleItem().Message;
        message.ShouldBe("A rule that fails as \"Over the cap: needs sign-off\" needs Approvers: who must sign off.");
    }

    [Fact]
    public async Task Approvers_on_a_rule_that_cannot_need_sign_off_are_refused_naming_the_outcome_that_does_in_words()
    {
        var result = await OfferAsync(RuleSetDefinition.PlacementLengthLimits, r =>
        {
            var rule = r["Rules"]!.AsArray().First(x => x!["Properties"]?["Outcome"]?.GetValue<string>() == "Refused")!;
            rule["Properties"]!["Approvers"] = "Head of HR";
        });

        var message = result.Problems.ShouldHaveSingleItem().Message;
        message.ShouldBe("Approvers only mean something for a rule that fails as \"Needs approval\".");
    }

    [Fact]
    public async Task Approvers_in_a_rule_set_where_nothing_needs_sign_off_are_refused_without_naming_an_outcome()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, r => FirstRuleWithAnOutcome(r)["Properties"]!["Approvers"] = "Head of HR");

        result.Problems.ShouldHaveSingleItem().Message.ShouldBe("Nothing in this rule set needs sign-off: take Approvers out.");
    }

    [Fact]
    public async Task A_rule_raising_a_flag_that_does_not_exist_is_refused_naming_the_flags_in_words()
    {
        var result = await OfferAsync(RuleSetDefinition.PlacementLengthLimits, r =>
            r["Rules"]!.AsArray().First(x => x!["Properties"]?["Flag"] is not null)!["Properties"]!["Flag"] = "Exploded");

        var message = result.Problems.ShouldHaveSingleItem().Message;
        message.ShouldStartWith("Exploded is not a flag these rules raise: ");
        message.ShouldContain("Long-running");
        ShouldSayNoCodeNames(message, RuleSetDefinition.PlacementLengthLimits);
    }

    public static TheoryData<string, string> ExpressionsOfTheWrongKind => new()
    {
        { "input.DaysUntilStart + input.AsOf > 1", "The expression cannot be read: '+' cannot be used between a whole number and a date" },
        { "input.SupplierKind > 1", "The expression cannot be read: text cannot be compared with a whole number" },
        { "!input.HoursSinceApproval", "The expression cannot be read: '!' cannot be used on a whole number" },
        { "input.HoursSinceApproval == \"soon\"", "The expression cannot be read: 'soon' is not a whole number" },
        { "input.AsOf.Hour > 1", "The expression cannot be read: a date has no 'Hour'" },
        { "char(input.HoursSinceApproval) == 'a'", "A rule may not turn a whole number into a single character." },
        { "'a' == 'a'", "A single character cannot appear in a rule: rules hold whole numbers, amounts, text, yes/no and dates." },
    };

    [Theory]
    [MemberData(nameof(ExpressionsOfTheWrongKind))]
    public async Task An_expression_mixing_kinds_of_value_is_refused_naming_the_kinds_in_words_not_their_types(string expression, string expected)
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, r => r["Rules"]![0]!["Expression"] = expression);

        var message = result.Problems.ShouldHaveSingleItem().Message;
        message.ShouldBe(expected);
        PlainWords.CodeIn(message).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_misspelt_fact_is_refused_as_no_fact_of_that_name_not_as_missing_from_a_type()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, r => r["Rules"]![0]!["Expression"] = "input.PositionsLef > 0");

        var message = result.Problems.ShouldHaveSingleItem().Message;
        message.ShouldStartWith("The expression cannot be read: there is no fact called 'PositionsLef': ");
        message.ShouldNotContain(nameof(Application.Policies.SupplierReleaseFacts));
    }

    // Every outcome and flag whose code differs from its words (NotYet, NeedsException, AwrQualifyingSoon) is said in words.
    private static void ShouldSayNoCodeNames(string message, RuleSetDefinition definition)
    {
        var codes = definition.FailureOutcomesBySeverity.Append(definition.PassingOutcome).Where(o => CodeWords.Outcome(o) != o)
            .Concat(RuleSetDefinition.FlagNames.Where(f => CodeWords.Of(f) != f));
        foreach (var code in codes) message.ShouldNotContain(code, Case.Sensitive);
    }

    private static JsonNode FirstRuleWithAnOutcome(JsonObject rules) =>
        rules["Rules"]!.AsArray().FirstOrDefault(r => r!["Properties"]?["Outcome"] is not null)
        ?? rules["Rules"]!.AsArray().First(r => r!["Properties"] is not null)!;

    private async Task<RuleSetLoadResult> OfferAsync(RuleSetDefinition definition, Action<JsonObject> json)
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, definition.FileName)))!.AsObject();
        var tests = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName));
        json(rules);
        // Indented, as a rule file is written, so a problem can point at its line.
        return await _registry.OfferAsync(definition, rules.ToJsonString(Indented), tests);
    }
}
