using System.Text.Json.Nodes;
using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>Named values that change on dates: a cap HR schedules from 1 April, the living wage of each year.</summary>
public sealed class DatedNamedValueTests
{
    private static readonly RuleSetDefinition PayRates = RuleSetDefinition.PayRateCaps;

    [Fact]
    public void A_cap_scheduled_from_1_April_decides_bookings_from_that_day_and_not_before()
    {
        var ruleSet = Compile(WithChanges("capSocialWorker", ("2027-04-01", "47.00m"))).ShouldNotBeNull();
        // Pay £35.00 with on-costs comes to £46.00 an hour: over the £45.00 cap until it rises to £47.00.
        var facts = Facts.ChildrensSocialWorker(35.00m, 4.22m, 6.78m);

        Decide(ruleSet, facts with { AsOf = new DateOnly(2027, 3, 31) }).Outcome.ShouldBe("NeedsException");
        var after = Decide(ruleSet, facts with { AsOf = new DateOnly(2027, 4, 1) });
        after.Outcome.ShouldBe("Allowed");
        after.Figures["dfeCap"].ShouldBe(47.00m, "the decision reports the cap it was made with");
        ruleSet.ChangeDays.ShouldBe([new DateOnly(2026, 4, 1), new DateOnly(2027, 4, 1)]);
    }

    [Fact]
    public void A_back_dated_decision_uses_the_living_wage_of_its_day()
    {
        var ruleSet = Compile(File.ReadAllText(ShippedFile())).ShouldNotBeNull();
        var care = Facts.ChildrensSocialWorker() with { DfeRoleType = "", IsChildrensServices = false, NjcGrade = "C", PayRate = 12.50m };

        var march = Decide(ruleSet, care with { AsOf = new DateOnly(2026, 3, 15) });
        march.Outcome.ShouldBe("Allowed");
        var april = Decide(ruleSet, care with { AsOf = new DateOnly(2026, 4, 1) });
        april.Outcome.ShouldBe("Refused");
        april.Failed.ShouldHaveSingleItem().Message.ShouldContain("National Living Wage of £12.71");
    }

    [Theory]
    [InlineData("2027-04-01", "47.00m", "2026-04-01", "46.00m", "must be in date order")]
    [InlineData("2027-04-01", "47", null, null, "'capSocialWorker' becomes a whole number, where before it was an amount")]
    [InlineData("1999-12-31", "47.00m", null, null, "changes are dated from 1 January 2000")]
    [InlineData("2027-04-01", "input.NoSuchFact", null, null, "From 1 April 2027: ")]
    public void A_change_that_cannot_hold_is_refused_at_its_value(string from, string expression, string? secondFrom, string? secondExpression, string message)
    {
        var changes = secondFrom is null ? new[] { (from, expression) } : [(from, expression), (secondFrom, secondExpression!)];
        var (compiled, problems) = RuleSetCompiler.Compile(PayRates, WithChanges("capSocialWorker", changes), ShippedCases());

        compiled.ShouldBeNull();
        var problem = problems.ShouldHaveSingleItem();
        problem.Rule.ShouldBe("capSocialWorker");
        problem.Message.ShouldContain(message);
    }

    [Fact]
    public void Changes_on_more_days_than_a_rule_set_may_hold_are_refused_before_anything_is_compiled()
    {
        var changes = Enumerable.Range(0, RuleSetCompiler.MaximumChangeDays + 1)
            .Select(i => (new DateOnly(2027, 1, 1).AddMonths(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{45 + i}.00m"))
            .ToArray();

        var (_, problems) = RuleSetCompiler.Compile(PayRates, WithChanges("capSocialWorker", changes), ShippedCases());

        problems.ShouldHaveSingleItem().Message.ShouldContain($"at most {RuleSetCompiler.MaximumChangeDays}");
    }

    [Fact]
    public void Test_cases_are_decided_with_the_values_of_their_own_day()
    {
        var cases = JsonNode.Parse(ShippedCases())!;
        cases["Cases"]!.AsArray().Add(JsonNode.Parse("""
            { "Name": "From April 2027 the raised cap allows £46.00", "Facts": { "AsOf": "2027-04-01", "PayRate": 35.00, "HolidayPay": 4.22, "EmployerNationalInsurance": 6.78 }, "Expect": { "Outcome": "Allowed" } }
            """));

        RuleSetCompiler.Compile(PayRates, WithChanges("capSocialWorker", ("2027-04-01", "47.00m")), cases.ToJsonString()).Problems.ShouldBeEmpty();
        var (_, problems) = RuleSetCompiler.Compile(PayRates, File.ReadAllText(ShippedFile()), cases.ToJsonString());
        problems.ShouldHaveSingleItem().Rule.ShouldBe("From April 2027 the raised cap allows £46.00");
    }

    [Fact]
    public void A_key_written_twice_in_the_test_cases_is_reported_on_the_test_cases_file_in_plain_words()
    {
        var cases = ShippedCases().Replace("\"AsOf\": \"2026-11-23\",", "\"AsOf\": \"2026-11-23\", \"AsOf\": \"2026-11-24\",", StringComparison.Ordinal);
        cases.ShouldNotBe(ShippedCases());

        var (_, problems) = RuleSetCompiler.Compile(PayRates, File.ReadAllText(ShippedFile()), cases);

        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.File == PayRates.TestCasesFileName);
        problems[0].Message.ShouldStartWith("A key is written twice in the defaults or in");
    }

    private static PolicyDecision Decide(CompiledRuleSet ruleSet, PayRateFacts facts) => RuleSetEvaluator.Evaluate(ruleSet, facts).Decision;

    private static CompiledRuleSet? Compile(string json)
    {
        var (compiled, problems) = RuleSetCompiler.Compile(PayRates, json, ShippedCases());
        problems.Select(p => p.ToString()).ShouldBeEmpty();
        return compiled;
    }

    private static string WithChanges(string name, params (string From, string Expression)[] changes)
    {
        var document = JsonNode.Parse(File.ReadAllText(ShippedFile()))!;
        var value = document["GlobalParams"]!.AsArray().Single(v => (string?)v!["Name"] == name)!;
        value["Changes"] = new JsonArray(changes.Select(c => (JsonNode)new JsonObject { ["From"] = c.From, ["Expression"] = c.Expression }).ToArray());
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string ShippedFile() => Path.Combine(RuleFiles.RepositoryDirectory, PayRates.FileName);

    private static string ShippedCases() => File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", PayRates.TestCasesFileName));
}
