using System.Text.Json.Nodes;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// A rule an officer writes may fail for some facts. Where that can be seen from the text (a number written into a
/// call that no date or rounding can take, a value changed from a later day that the test cases never reach) it is
/// refused at the check (where it cannot, the decision says why in words: EngineAgreementTests, CheckedArithmeticTests).
/// </summary>
public sealed class RuleFailureWordsTests
{
    private static readonly RuleSetDefinition PayRates = RuleSetDefinition.PayRateCaps;

    [Theory]
    [InlineData("input.PayRate >= nationalLivingWage && input.AsOf.AddYears(9000) > input.AsOf", "AddYears(9000) goes past the dates rules can work with: add or take away at most 1,000 years.")]
    [InlineData("input.PayRate >= nationalLivingWage && input.AsOf.AddDays(-100000000) < input.AsOf", "AddDays(-100000000) goes past the dates rules can work with: add or take away at most 365,000 days.")]
    [InlineData("Math.Round(input.PayRate, 40) >= nationalLivingWage", "Rounding cannot be to 40 decimal places: write from 0 to 28.")]
    [InlineData("decimal.Round(input.PayRate, 28 + 1) >= nationalLivingWage", "Rounding cannot be to 29 decimal places: write from 0 to 28.")]
    [InlineData("input.PayRate >= nationalLivingWage && input.AsOf.AddDays(0 - 400000) < input.AsOf", "AddDays(-400000) goes past the dates rules can work with")]
    public void A_number_written_into_a_call_that_no_date_or_rounding_can_take_is_refused_at_the_check(string expression, string expected)
    {
        var (_, problems) = RuleSetCompiler.Compile(PayRates, WithFirstRule(expression), ShippedCases());

        problems.ShouldHaveSingleItem().Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("input.PayRate.ToString() == \"12\"", "'ToString' is not a function rules may use")]
    [InlineData("input.DfeRoleType[0].ToString() == \"C\"", "Picking one letter out of text ([ ]) is not a function rules may use")]
    public void A_function_rules_may_not_use_is_named_as_the_officer_wrote_it_not_by_the_program_s_names(string expression, string expected)
    {
        var (_, problems) = RuleSetCompiler.Compile(PayRates, WithFirstRule(expression), ShippedCases());

        var message = problems.ShouldHaveSingleItem().Message;
        message.ShouldContain(expected);
        message.ShouldNotContain("Object.");
        message.ShouldNotContain("get_");
    }

    [Fact]
    public void A_value_changed_from_a_later_day_so_that_a_rule_fails_for_the_test_cases_is_refused_with_its_day()
    {
        var document = JsonNode.Parse(WithFirstRule("input.PayRate >= nationalLivingWage && input.PayRate >= payFloor"))!;
        document["GlobalParams"]!.AsArray().Add(JsonNode.Parse("""
            { "Name": "payFloor", "Expression": "0m", "Changes": [ { "From": "2027-01-01", "Expression": "input.PayRate / 0m" } ] }
            """));

        ShouldBeRefusedFrom(RuleSetCompiler.Compile(PayRates, document.ToJsonString(), ShippedCases()), "AtLeastNationalLivingWage", "1 January 2027", ": it divides by zero.");
    }

    [Fact]
    public void A_change_from_a_later_day_that_puts_a_rules_points_out_of_range_is_refused_with_its_day()
    {
        var preference = RuleSetDefinition.LocalCandidatePreference;
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, preference.FileName)))!;
        var values = document["GlobalParams"]!.AsArray();
        values.Single(v => (string?)v!["Name"] == "lutonResidentPoints")!["Changes"] = JsonNode.Parse("""[ { "From": "2027-06-01", "Expression": "31" } ]""");
        values.Add(JsonNode.Parse("""{ "Name": "pointsWorkedOut", "Expression": "lutonResidentPoints == 31 ? 5000 : lutonResidentPoints" }"""));
        document["Rules"]!.AsArray().Single(r => (string?)r!["RuleName"] == "LivesInLuton")!["Properties"]!["Points"] = "pointsWorkedOut";

        ShouldBeRefusedFrom(RuleSetCompiler.Compile(preference, document.ToJsonString(), ShippedCases(preference)),
            "LivesInLuton", "1 June 2027", "came to 5000, which is not a whole number from -1,000 to 1,000.");
    }

    [Theory]
    [InlineData("null rules", "Rules cannot be null")]
    [InlineData("control character", "a control character (one that prints as nothing) is inside a piece of text")]
    public void Json_a_reader_cannot_take_is_explained_without_the_programs_names(string what, string expected)
    {
        var shipped = WithFirstRule("input.PayRate >= nationalLivingWage");
        var json = what == "null rules"
            ? NullRules(shipped)
            : shipped.Replace("National Living Wage", "National\u001bLiving Wage", StringComparison.Ordinal);

        var message = RuleSetCompiler.Compile(PayRates, json, ShippedCases()).Problems.ShouldHaveSingleItem().Message;

        message.ShouldContain(expected);
        message.ShouldNotContain("Connect2Luton");
        message.ShouldNotContain("0x");
    }

    private static string NullRules(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document["Rules"] = null;
        return document.ToJsonString();
    }

    private static string WithFirstRule(string expression)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, PayRates.FileName)))!;
        document["Rules"]!.AsArray().Single(r => (string?)r!["RuleName"] == "AtLeastNationalLivingWage")!["Expression"] = expression;
        return document.ToJsonString();
    }

    // Refused with the day of the change and the first case it fails, once, at the rule.
    private static void ShouldBeRefusedFrom((CompiledRuleSet? RuleSet, IReadOnlyList<RuleSetProblem> Problems) compiled, string rule, string day, string ending)
    {
        compiled.RuleSet.ShouldBeNull();
        var problem = compiled.Problems.ShouldHaveSingleItem();
        problem.Rule.ShouldBe(rule);
        problem.Message.ShouldStartWith($"From {day}, with the values that change that day, this rule cannot be worked out for the test case ");
        problem.Message.ShouldEndWith(ending);
    }

    private static string ShippedCases(RuleSetDefinition? definition = null) =>
        File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", (definition ?? PayRates).TestCasesFileName));
}
