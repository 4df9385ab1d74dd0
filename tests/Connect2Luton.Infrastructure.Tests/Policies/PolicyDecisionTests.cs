using System.Text.Json;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>Decisions through the application's ports, on the real rule files: outcome, reasons, figures, version.</summary>
public sealed class PolicyDecisionTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.ForPolicies();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_childrens_social_worker_over_the_dfe_cap_needs_the_dcs_and_chief_executive_with_the_cap_in_the_message()
    {
        var decision = await _services.GetRequiredService<IPayRatePolicy>().DecideAsync(Facts.ChildrensSocialWorker(pay: 36.00m, holiday: 4.35m, ni: 5.40m));

        decision.Outcome.ShouldBe(PayRateOutcome.NeedsException);
        decision.Approvers.ShouldBe("Director of Children's Services; Chief Executive");
        var failed = decision.Details.Failed.ShouldHaveSingleItem();
        failed.Rule.ShouldBe("WithinDfeCap");
        failed.Message.ShouldBe("£45.75 an hour (pay £36.00 plus holiday pay and employer NI) is over the DfE cap of £45.00 for this role type (social worker): it needs sign-off by the Director of Children's Services and the Chief Executive, and is reported to DfE.");
        decision.CapExceeded.ShouldNotBeNull().Cap.ShouldBe(45.00m);
        decision.CapExceeded.Measured.ShouldBe(45.75m);
        decision.Details.Figures["dfeCap"].ShouldBe(45.00m);
        decision.Details.Figures["dfeCappedRate"].ShouldBe(45.75m);
        decision.Details.Rules.Select(r => r.Rule).ShouldBe(["AtLeastNationalLivingWage", "WithinDfeCap"]);
    }

    [Fact]
    public async Task A_decision_is_recorded_with_its_rule_version_facts_and_reasons()
    {
        var facts = Facts.ChildrensSocialWorker();
        var decision = await _services.GetRequiredService<IPayRatePolicy>().DecideAsync(facts);

        var record = decision.Details.ToRecord("recruiter@test.local", Clocks.Now);

        record.RuleSet.ShouldBe("pay-rate-caps");
        record.RuleSetVersion.ShouldBe(decision.Details.Version);
        record.RuleSetVersion.Length.ShouldBe(64);
        record.Outcome.ShouldBe("Allowed");
        JsonDocument.Parse(record.InputsJson).RootElement.GetProperty("payRate").GetDecimal().ShouldBe(33.00m);
        record.Reasons.Select(r => (r.Rule, r.Passed)).ShouldBe([("AtLeastNationalLivingWage", true), ("WithinDfeCap", true)]);
        record.Reasons[1].Message.ShouldStartWith("£41.93 an hour (pay, holiday pay and employer NI) is within the DfE cap of £45.00");
    }

    [Theory]
    // A local supplier here is the in-house pool, which ranks above workers otherwise equal by 2 points.
    [InlineData("LU1", true, "", "Local", 42)]
    [InlineData("LU6", true, "", "Neighbouring", 22)]
    [InlineData("SG5", false, "", "Other", 0)]
    [InlineData("LU3", true, "Luton Borough Council", "Local", 57)]
    public async Task Workers_are_ranked_by_where_they_live_who_supplies_them_and_whether_they_worked_for_the_council(
        string district, bool localSupplier, string previousCouncil, string tier, int points)
    {
        var decision = await _services.GetRequiredService<ILocalPreferencePolicy>().DecideAsync(Facts.Worker(district, localSupplier, previousCouncil));

        decision.Tier.ShouldBe(tier);
        decision.Points.ShouldBe(points);
        decision.Details.Rules.Where(r => r.Passed).ShouldAllBe(r => r.Message.Length > 0);
    }

    [Fact]
    public async Task The_release_rules_give_the_agency_portal_how_long_a_first_submission_owns_a_person_with_their_version()
    {
        var terms = await _services.GetRequiredService<ISupplierReleasePolicy>().TermsAsync();

        terms.CandidateOwnershipDays.ShouldBe(90);
        terms.RuleVersion.Length.ShouldBe(64);
    }

    [Theory]
    [InlineData(9, 2, new PlacementFlagKind[0])]
    [InlineData(10, 2, new[] { PlacementFlagKind.AwrQualifyingSoon })]
    [InlineData(12, 2, new[] { PlacementFlagKind.AwrQualified })]
    [InlineData(27, 6, new[] { PlacementFlagKind.AwrQualified, PlacementFlagKind.DueForReview })]
    [InlineData(53, 12, new[] { PlacementFlagKind.AwrQualified, PlacementFlagKind.DueForReview, PlacementFlagKind.LongRunning })]
    public async Task A_live_placement_is_flagged_at_the_awr_point_six_months_and_twelve_months(int weeks, int months, PlacementFlagKind[] flags)
    {
        var decision = await _services.GetRequiredService<IPlacementLengthPolicy>().DecideAsync(Facts.LivePlacement(weeks, months));

        decision.Outcome.ShouldBe(PlacementLengthOutcome.Allowed);
        decision.Flags.Select(f => f.Kind).ShouldBe(flags, ignoreOrder: true);
    }

    [Fact]
    public async Task An_extension_past_the_longest_length_needs_approval_and_names_the_approvers()
    {
        var decision = await _services.GetRequiredService<IPlacementLengthPolicy>().DecideAsync(Facts.LivePlacement(40, 9) with { TotalWeeks = 80 });

        decision.Outcome.ShouldBe(PlacementLengthOutcome.NeedsApproval);
        decision.Approvers.ShouldBe("Head of Service; Director of HR");
        decision.Flags.ShouldContain(f => f.Kind == PlacementFlagKind.OverLengthLimit && f.Message.Contains("past the 78-week limit"));
    }

    [Fact]
    public async Task A_worker_not_yet_eligible_for_conversion_is_told_every_reason()
    {
        var facts = Facts.PlacedWorker(weeks: 9) with { RequisitionReason = "SicknessCover", OpenToPermanentJob = false };

        var decision = await _services.GetRequiredService<IConversionPolicy>().DecideAsync(facts);

        decision.Eligible.ShouldBeFalse();
        decision.NotYetReasons.ShouldBe(
        [
            "9 whole weeks of continuous placement: a transfer fee could still be charged before 28 December 2026.",
            "The placement is for sickness cover, not a vacant post: there is no permanent post to offer.",
            "The worker has not said they want a permanent job.",
        ]);
    }

    [Fact]
    public async Task A_worker_past_the_fee_free_point_covering_a_vacancy_is_eligible()
    {
        var decision = await _services.GetRequiredService<IConversionPolicy>().DecideAsync(Facts.PlacedWorker(weeks: 14));

        decision.Eligible.ShouldBeTrue();
        decision.Details.Figures["feeFreeWeeks"].ShouldBe(14);
    }
}
