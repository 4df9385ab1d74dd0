using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Policies;

internal sealed class PayRatePolicy(RuleSetRegistry registry) : IPayRatePolicy
{
    public async ValueTask<PayRateDecision> DecideAsync(PayRateFacts facts, CancellationToken cancellationToken = default)
    {
        var evaluation = await registry.EvaluateAsync(RuleSetDefinition.PayRateCaps, facts, cancellationToken);
        var decision = evaluation.Decision;
        var outcome = Enum.Parse<PayRateOutcome>(decision.Outcome);
        return new PayRateDecision(outcome, outcome == PayRateOutcome.NeedsException ? SignOff.From(decision) : null, decision);
    }

    public async ValueTask<OnCostRates> OnCostsAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var ruleSet = (await registry.ServingAsync(RuleSetDefinition.PayRateCaps, cancellationToken)).InForceOn(asOf);
        // The compiler refuses a file without these as fixed fractions, so a serving version always has them.
        decimal Fraction(string name) => (decimal)ruleSet.Constants[name]!;
        return new OnCostRates(
            Fraction(RuleSetDefinition.HolidayPayRate), Fraction(RuleSetDefinition.EmployerNationalInsuranceRate),
            Fraction(RuleSetDefinition.InHousePoolPensionRate), ruleSet.Version);
    }

    public async ValueTask<Domain.Timesheets.TimesheetTerms> TimesheetTermsAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        // The compiler refuses a file without these as constants in their ranges, so a serving version has them.
        var constants = (await registry.ServingAsync(RuleSetDefinition.PayRateCaps, cancellationToken)).InForceOn(asOf).Constants;
        IReadOnlySet<Domain.JobRoles.JobFamily> Families(string name) => ReadValue.ItemsOf((string)constants[name]!).Select(Enum.Parse<Domain.JobRoles.JobFamily>).ToHashSet();
        return new Domain.Timesheets.TimesheetTerms(
            new Dictionary<Domain.Timesheets.TimesheetLineType, decimal>
            {
                [Domain.Timesheets.TimesheetLineType.Overtime] = (decimal)constants[RuleSetDefinition.OvertimePayRate]!,
                [Domain.Timesheets.TimesheetLineType.SleepIn] = (decimal)constants[RuleSetDefinition.SleepInPayRate]!,
                [Domain.Timesheets.TimesheetLineType.OnCall] = (decimal)constants[RuleSetDefinition.OnCallPayRate]!,
            },
            new Dictionary<Domain.Timesheets.TimesheetLineType, IReadOnlySet<Domain.JobRoles.JobFamily>>
            {
                [Domain.Timesheets.TimesheetLineType.Overtime] = Families(RuleSetDefinition.OvertimeJobFamilies),
                [Domain.Timesheets.TimesheetLineType.SleepIn] = Families(RuleSetDefinition.SleepInJobFamilies),
                [Domain.Timesheets.TimesheetLineType.OnCall] = Families(RuleSetDefinition.OnCallJobFamilies),
            });
    }

    public async ValueTask<IReadOnlyList<DateOnly>> ChangeDaysAsync(DateOnly after, DateOnly until, CancellationToken cancellationToken = default) =>
        (await registry.ServingAsync(RuleSetDefinition.PayRateCaps, cancellationToken)).ChangeDays.Where(d => d > after && d <= until).ToList();
}

internal sealed class LocalPreferencePolicy(RuleSetRegistry registry, TimeProvider clock) : ILocalPreferencePolicy
{
    public async ValueTask<LocalPreferenceDecision> DecideAsync(LocalPreferenceFacts facts, CancellationToken cancellationToken = default)
    {
        var evaluation = await registry.EvaluateAsync(RuleSetDefinition.LocalCandidatePreference, facts, cancellationToken);
        return new LocalPreferenceDecision(evaluation.Decision.Outcome, evaluation.Points, evaluation.Decision);
    }

    public async ValueTask<IReadOnlySet<string>> LutonDistrictsAsync(CancellationToken cancellationToken = default)
    {
        // The compiler refuses a file without this as a fixed list of districts, so a serving version has it.
        var constants = (await registry.ServingAsync(RuleSetDefinition.LocalCandidatePreference, cancellationToken)).InForceOn(clock.Today()).Constants;
        return ReadValue.ItemsOf((string)constants[RuleSetDefinition.LutonDistricts]!).Select(d => d.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}

internal sealed class PlacementLengthPolicy(RuleSetRegistry registry, TimeProvider clock) : IPlacementLengthPolicy
{
    public async ValueTask<PlacementLengthDecision> DecideAsync(PlacementLengthFacts facts, CancellationToken cancellationToken = default)
    {
        var evaluation = await registry.EvaluateAsync(RuleSetDefinition.PlacementLengthLimits, facts, cancellationToken);
        var decision = evaluation.Decision;
        var outcome = Enum.Parse<PlacementLengthOutcome>(decision.Outcome);
        var approvers = outcome == PlacementLengthOutcome.NeedsApproval ? SignOff.From(decision) : null;
        var flags = decision.Failed
            .Where(r => r.Flag is not null)
            .Select(r => new PlacementFlagRaised(Enum.Parse<PlacementFlagKind>(r.Flag!), r))
            .ToList();
        return new PlacementLengthDecision(outcome, approvers, flags, decision);
    }

    public async ValueTask<AwrBreakRules> AwrBreakRulesAsync(CancellationToken cancellationToken = default)
    {
        // The compiler refuses a file without these as constants of the right shape, so a serving version has them.
        var constants = (await registry.ServingAsync(RuleSetDefinition.PlacementLengthLimits, cancellationToken)).InForceOn(clock.Today()).Constants;
        IReadOnlySet<BreakReason> Reasons(string name) => ReadValue.ItemsOf((string)constants[name]!).Select(Enum.Parse<BreakReason>).ToHashSet();
        return new AwrBreakRules(
            (int)constants[RuleSetDefinition.AwrLongestBreakWeeks]!, (int)constants[RuleSetDefinition.AwrLongestSicknessBreakWeeks]!,
            Reasons(RuleSetDefinition.AwrSicknessReasons), Reasons(RuleSetDefinition.AwrPausingReasons), Reasons(RuleSetDefinition.AwrCountingReasons));
    }

    public async ValueTask<Application.Placements.LengthBands> LengthBandsAsync(CancellationToken cancellationToken = default)
    {
        var constants = (await registry.ServingAsync(RuleSetDefinition.PlacementLengthLimits, cancellationToken)).InForceOn(clock.Today()).Constants;
        return new Application.Placements.LengthBands(
            (int)constants[RuleSetDefinition.AwrQualifyingWeeks]!, (int)constants[RuleSetDefinition.ReviewMonths]!, (int)constants[RuleSetDefinition.LongRunningMonths]!);
    }

    public async ValueTask<DateOnly> MayChangeOnAsync(PlacementLengthDecision decision, Func<DateOnly, PlacementLengthFacts> factsOn, DateOnly last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return await registry.MayChangeOnAsync(RuleSetDefinition.PlacementLengthLimits, decision.Details, factsOn, last, refusalOnly: false, cancellationToken);
    }
}

internal sealed class ConversionPolicy(RuleSetRegistry registry, TimeProvider clock) : IConversionPolicy
{
    public async ValueTask<ConversionDecision> DecideAsync(ConversionFacts facts, CancellationToken cancellationToken = default)
    {
        var evaluation = await registry.EvaluateAsync(RuleSetDefinition.PermanentConversionEligibility, facts, cancellationToken);
        return new ConversionDecision(evaluation.Decision.Outcome == RuleSetDefinition.PermanentConversionEligibility.PassingOutcome, evaluation.Decision);
    }

    public async ValueTask<ConversionTerms> TermsAsync(CancellationToken cancellationToken = default)
    {
        var ruleSet = (await registry.ServingAsync(RuleSetDefinition.PermanentConversionEligibility, cancellationToken)).InForceOn(clock.Today());
        var constants = ruleSet.Constants;
        return new ConversionTerms(
            (int)constants[RuleSetDefinition.FeeFreeWeeks]!, (int)constants[RuleSetDefinition.ContinuityGapDays]!,
            (decimal)constants[RuleSetDefinition.PermanentOnCostRate]!, (int)constants[RuleSetDefinition.FullTimeWeeklyHours]!, ruleSet.Version)
        {
            FeeWeeksAfterLastDay = (int)constants[RuleSetDefinition.FeeWeeksAfterLastDay]!,
        };
    }

    // Only a decision that found the worker not eligible is looked ahead: one that did raises a prompt.
    public async ValueTask<DateOnly> MayChangeOnAsync(ConversionDecision decision, Func<DateOnly, ConversionFacts> factsOn, DateOnly last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return await registry.MayChangeOnAsync(RuleSetDefinition.PermanentConversionEligibility, decision.Details, factsOn, last, refusalOnly: true, cancellationToken);
    }
}

internal sealed class SupplierReleasePolicy(RuleSetRegistry registry, TimeProvider clock) : ISupplierReleasePolicy
{
    public async ValueTask<SupplierReleaseDecision> DecideAsync(SupplierReleaseFacts facts, CancellationToken cancellationToken = default)
    {
        var evaluation = await registry.EvaluateAsync(RuleSetDefinition.SupplierRelease, facts, cancellationToken);
        return new SupplierReleaseDecision(Enum.Parse<SupplierReleaseOutcome>(evaluation.Decision.Outcome), evaluation.Decision);
    }

    public async ValueTask<SupplierReleaseTerms> TermsAsync(CancellationToken cancellationToken = default)
    {
        // The compiler refuses a file without it as a whole number in range, so a serving version always has it.
        var ruleSet = (await registry.ServingAsync(RuleSetDefinition.SupplierRelease, cancellationToken)).InForceOn(clock.Today());
        return new SupplierReleaseTerms((int)ruleSet.Constants[RuleSetDefinition.CandidateOwnershipDays]!, ruleSet.Version);
    }
}

internal static class SignOff
{
    /// <summary>Everyone the failed rules ask to sign off, each once, in rule order.</summary>
    public static string From(PolicyDecision decision) =>
        string.Join("; ", decision.Failed.Where(r => r.Approvers is not null).Select(r => r.Approvers!).Distinct());
}
