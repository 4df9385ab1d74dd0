using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Conversions;

public sealed class ConversionPromptTests
{
    private static ConversionPrompt Prompt() =>
        new(1, 2, 3,
            new ConversionCosts(agencyCostToDate: 21_000m, yearlyAgencyCost: 78_000m, yearlyPermanentCost: 55_000m, transferFeeMayApply: false),
            Decision("Week 15: past the 14-week point"), Clocks.Today, Clocks.Now);

    private static RuleDecision Decision(string why) =>
        new RuleDecision("permanent-conversion-eligibility", new string('c', 64), "Eligible", "{}", [new DecisionReason("PastFeeFreePoint", true, why)], "nightly job", Clocks.Now)
            .About(placementId: 1);

    [Fact]
    public void Converting_books_the_yearly_saving_of_agency_over_permanent_cost()
    {
        var prompt = Prompt();
        prompt.RecordOfferMade("Offer sent", "recruiter@test.local", Clocks.Now);

        prompt.RecordConverted(Clocks.Today.AddDays(28), "recruiter@test.local", Clocks.Now);

        prompt.Status.ShouldBe(ConversionPromptStatus.Converted);
        prompt.YearlySaving.ShouldBe(23_000m);
        prompt.IsOpen.ShouldBeFalse();
        prompt.Actions.Select(a => a.Outcome).ShouldBe([ConversionPromptStatus.OfferMade, ConversionPromptStatus.Converted]);
    }

    [Fact]
    public void A_closed_prompt_takes_no_further_action()
    {
        var prompt = Prompt();
        prompt.RecordNotSuitable("Wants to stay a locum", "recruiter@test.local", Clocks.Now);

        Should.Throw<DomainRuleException>(() => prompt.RecordOfferMade(null, "recruiter@test.local", Clocks.Now))
            .Message.ShouldStartWith("This prompt is closed");
    }

    [Fact]
    public void A_prompt_is_snoozed_only_until_a_later_date_and_stays_open()
    {
        var prompt = Prompt();

        Should.Throw<DomainRuleException>(() => prompt.Snooze(Clocks.Today, Clocks.Today, null, "r", Clocks.Now));
        prompt.Snooze(Clocks.Today.AddDays(30), Clocks.Today, "Ask after the restructure", "r", Clocks.Now);

        prompt.IsOpen.ShouldBeTrue();
        prompt.SnoozedUntil.ShouldBe(Clocks.Today.AddDays(30));
    }

    [Fact]
    public void A_woken_prompt_is_open_again_on_the_decision_and_money_that_woke_it()
    {
        var prompt = Prompt();
        prompt.Snooze(Clocks.Today.AddDays(30), Clocks.Today, null, "r", Clocks.Now);
        var later = Decision("Week 20: past the 14-week point");
        var costs = new ConversionCosts(agencyCostToDate: 28_000m, yearlyAgencyCost: 78_000m, yearlyPermanentCost: 55_000m, transferFeeMayApply: false);

        prompt.Wake(later, costs, "nightly job", Clocks.Now.AddDays(30));

        prompt.Status.ShouldBe(ConversionPromptStatus.Open);
        prompt.Decision.ShouldBeSameAs(later);
        prompt.Costs.ShouldBe(costs);
        Should.Throw<DomainRuleException>(() => prompt.Wake(later, costs, "nightly job", Clocks.Now.AddDays(31)));
    }
}
