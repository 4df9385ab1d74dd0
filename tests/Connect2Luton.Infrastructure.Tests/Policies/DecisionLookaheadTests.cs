using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// How long a placement-length decision stands with nothing saved, on the real rules and on officers' variants of
/// them: never past the first day the rules would decide differently.
/// </summary>
public sealed class DecisionLookaheadTests
{
    private static readonly RuleSetDefinition Lengths = RuleSetDefinition.PlacementLengthLimits;
    private static readonly DateOnly Today = new(2026, 12, 7);
    // Five months and 27 days in post, past the AWR point: the review point of 6 months is reached on 10 December.
    private static readonly DateOnly Start = new(2026, 6, 10);
    private static readonly DateOnly ReviewPoint = new(2026, 12, 10);

    [Theory]
    [InlineData("input.MonthsInPost < reviewMonths", "26", "the fact read through the facts' name")]
    [InlineData("MonthsInPost < reviewMonths", "26", "the fact read by its bare name")]
    [InlineData("it.MonthsInPost < reviewMonths", "26", "the facts read as 'it'")]
    [InlineData("maxFirstBookingWeeks < 26", "MonthsInPost + 20", "a named value reading the fact by its bare name")]
    [InlineData("maxFirstBookingWeeks < 26", "it.MonthsInPost + 20", "a named value reading the facts as 'it'")]
    [InlineData("maxFirstBookingWeeks < 26", "input.MonthsInPost + 20", "a named value reading the fact through the facts' name")]
    public void A_decision_stands_until_the_day_its_rules_decide_differently_however_the_rule_reads_the_facts(string expression, string firstValue, string how)
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, Lengths.FileName))
            .Replace("\"Expression\": \"input.MonthsInPost < reviewMonths\"", $"\"Expression\": \"{expression}\"", StringComparison.Ordinal)
            // Only the review rule reads the months in post, so what it reads alone decides the day.
            .Replace("\"Expression\": \"input.MonthsInPost < longRunningMonths\"", "\"Expression\": \"input.AwrWeeks >= 0\"", StringComparison.Ordinal)
            
            // Worked out from the facts, the value has no type of its own.
            .Replace("{ \"Name\": \"maxFirstBookingWeeks\", \"Expression\": \"26\", \"Label\": \"Longest first booking\", \"Type\": \"WholeNumber\", \"Unit\": \"weeks\",",
                firstValue == "26" ? "{ \"Name\": \"maxFirstBookingWeeks\", \"Expression\": \"26\", \"Label\": \"Longest first booking\", \"Type\": \"WholeNumber\", \"Unit\": \"weeks\","
                    : $"{{ \"Name\": \"maxFirstBookingWeeks\", \"Expression\": \"{firstValue}\", \"Label\": \"Longest first booking\",", StringComparison.Ordinal);
        var (ruleSet, problems) = RuleSetCompiler.Compile(Lengths, json, null, runTestCases: false);
        if (ruleSet is null)
        {
            // Refused when the rules are checked is as safe as read: nothing is decided with it.
            problems.ShouldNotBeEmpty(how);
            return;
        }

        var decision = RuleSetEvaluator.Evaluate(ruleSet, FactsOn(Today)).Decision;
        decision.Failed.ShouldNotContain(r => r.Flag == "DueForReview", how);

        DecisionLookahead.MayChangeOn(ruleSet, decision, FactsOn, Today.AddDays(13), refusalOnly: false).ShouldBe(ReviewPoint, how);
    }

    [Fact]
    public void A_decision_whose_rules_read_only_what_does_not_move_stands_to_the_last_day_looked_at()
    {
        var (ruleSet, _) = RuleSetCompiler.Compile(Lengths, File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, Lengths.FileName)), null, runTestCases: false);
        // Long past every point: more weeks and months change no flag until the booked end, which is far off.
        var settled = FactsOn(Today) with { MonthsInPost = 14, AwrWeeks = 60 };
        var decision = RuleSetEvaluator.Evaluate(ruleSet!, settled).Decision;

        DecisionLookahead.MayChangeOn(ruleSet!, decision, day => FactsOn(day) with { MonthsInPost = 14 + (day.DayNumber - Today.DayNumber) / 30, AwrWeeks = 60 + (day.DayNumber - Today.DayNumber) / 7 },
            Today.AddDays(13), refusalOnly: false).ShouldBe(Today.AddDays(14));
    }

    private static PlacementLengthFacts FactsOn(DateOnly day) => new()
    {
        AsOf = day,
        JobFamily = "SocialWork",
        IsInterim = false,
        IsExtension = true,
        StartDate = Start,
        EndDate = Start.AddDays(364),
        TotalWeeks = 53,
        WeeksInPost = (day.DayNumber - Start.DayNumber) / 7,
        MonthsInPost = day < ReviewPoint ? 5 : 6,
        AwrWeeks = 20,
        ApprovedBeyondLimit = false,
    };
}
