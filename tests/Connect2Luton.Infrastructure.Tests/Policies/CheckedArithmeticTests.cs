using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>Whole numbers in an officer's rules never wrap round: past their range, the rule fails with the reason.</summary>
public sealed class CheckedArithmeticTests
{
    private static readonly RuleSetDefinition Preference = RuleSetDefinition.LocalCandidatePreference;

    [Theory]
    [InlineData("input.PostQualifiedYears * 1000000000 > 0", "the product passes the largest whole number")]
    [InlineData("input.PostQualifiedYears + 2147483647 > 0", "the sum passes the largest whole number")]
    [InlineData("-(input.PostQualifiedYears - 3 - 2147483647 - 1) > 0", "the negation of the smallest whole number")]
    public void A_rule_whose_whole_numbers_overflow_fails_with_the_reason_instead_of_wrapping_round(string expression, string what)
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, Preference.FileName))
            .Replace("\"Expression\": \"livesInLuton\"", $"\"Expression\": \"livesInLuton && {expression}\"", StringComparison.Ordinal);
        var (ruleSet, problems) = RuleSetCompiler.Compile(Preference, json, null, runTestCases: false);
        problems.ShouldBeEmpty(what);

        var decision = RuleSetEvaluator.Evaluate(ruleSet!, Facts.Worker("LU2") with { PostQualifiedYears = 3 }).Decision;

        var lives = decision.Rules.Single(r => r.Rule == "LivesInLuton");
        lives.Passed.ShouldBeFalse(what);
        lives.Message.ShouldContain("could not be worked out for these facts");
        lives.Message.ShouldEndWith("a number in it grows larger than the app can hold.");
    }

    [Fact]
    public void A_value_set_as_points_outside_what_a_rule_may_earn_is_refused_when_the_rules_are_checked()
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, Preference.FileName))
            .Replace("\"Name\": \"lutonResidentPoints\", \"Expression\": \"30\"", "\"Name\": \"lutonResidentPoints\", \"Expression\": \"1000000\"", StringComparison.Ordinal);

        var (ruleSet, problems) = RuleSetCompiler.Compile(Preference, json, null, runTestCases: false);

        ruleSet.ShouldBeNull();
        problems.ShouldContain(p => p.Rule == "lutonResidentPoints" && p.Message.Contains("must be a whole number from -1,000 to 1,000"));
    }
}
