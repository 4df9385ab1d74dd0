using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>A date an officer sets as a value (1 April 2027) is a day the rules compare facts with, and a slip in one is refused.</summary>
public sealed class DateValueTests
{
    private static readonly RuleSetDefinition PayRates = RuleSetDefinition.PayRateCaps;

    [Fact]
    public void A_date_set_as_a_value_is_compared_with_the_facts_as_a_day()
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, PayRates.FileName))
            .Replace("\"GlobalParams\": [", "\"GlobalParams\": [\n    { \"Name\": \"regionalRatesFrom\", \"Expression\": \"\\\"2027-04-01\\\"\", \"Label\": \"Regional rates start\", \"Type\": \"Date\" },", StringComparison.Ordinal)
            .Replace("\"Expression\": \"input.PayRate >= nationalLivingWage\"", "\"Expression\": \"input.PayRate >= nationalLivingWage || input.AsOf >= regionalRatesFrom\"", StringComparison.Ordinal);

        var (ruleSet, problems) = RuleSetCompiler.Compile(PayRates, json, null, runTestCases: false);

        problems.ShouldBeEmpty();
        bool Passes(DateOnly day) => RuleSetEvaluator.Evaluate(ruleSet!, Facts.ChildrensSocialWorker(pay: 10.00m) with { AsOf = day })
            .Decision.Rules.Single(r => r.Rule == "AtLeastNationalLivingWage").Passed;
        Passes(new DateOnly(2027, 3, 31)).ShouldBeFalse();
        Passes(new DateOnly(2027, 4, 1)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Policy.Date(\\\"2027-02-30\\\")")]
    [InlineData("Policy.Date(input.RoleTitle)")]
    public void A_date_that_is_not_one_is_refused_when_the_rules_are_checked(string call)
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, PayRates.FileName))
            .Replace("\"Expression\": \"input.PayRate >= nationalLivingWage\"", $"\"Expression\": \"input.PayRate >= nationalLivingWage || input.AsOf >= {call}\"", StringComparison.Ordinal);

        var (_, problems) = RuleSetCompiler.Compile(PayRates, json, null, runTestCases: false);

        problems.ShouldContain(p => p.Message.Contains("Policy.Date takes a date written in quotes"));
    }
}
