using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Domain.Conversions;

namespace Connect2Luton.Benchmarks.Nightly;

/// <summary>
/// The nightly jobs' two policies with the default rules written in C# (<see cref="HandWrittenPolicies"/>): the
/// baseline plugs these in where the rule engine's ports go, so the jobs do the same reads and writes either way.
/// </summary>
internal sealed class HandWrittenLengthPolicy : IPlacementLengthPolicy
{
    private static readonly AwrBreakRules Breaks = new(6, 28,
        new HashSet<BreakReason> { BreakReason.Sickness, BreakReason.JuryService },
        new HashSet<BreakReason> { BreakReason.AnnualLeave, BreakReason.HirerShutdown, BreakReason.IndustrialAction },
        new HashSet<BreakReason> { BreakReason.PregnancyOrMaternity, BreakReason.FamilyLeave });

    public ValueTask<LengthBands> LengthBandsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new LengthBands(12, 6, 12));

    public ValueTask<PlacementLengthDecision> DecideAsync(PlacementLengthFacts facts, CancellationToken cancellationToken = default)
    {
        var decision = HandWrittenPolicies.PlacementLength(facts);
        var outcome = Enum.Parse<PlacementLengthOutcome>(decision.Outcome);
        var flags = decision.Failed.Where(r => r.Flag is not null).Select(r => new PlacementFlagRaised(Enum.Parse<PlacementFlagKind>(r.Flag!), r)).ToList();
        return ValueTask.FromResult(new PlacementLengthDecision(outcome, outcome == PlacementLengthOutcome.NeedsApproval ? "Head of Service; Director of HR" : null, flags, decision));
    }

    public ValueTask<AwrBreakRules> AwrBreakRulesAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Breaks);

    // Hand-written, the rules' own decision is worked out for each day ahead until its flags differ.
    public ValueTask<DateOnly> MayChangeOnAsync(PlacementLengthDecision decision, Func<DateOnly, PlacementLengthFacts> factsOn, DateOnly last, CancellationToken cancellationToken = default)
    {
        var today = ((PlacementLengthFacts)decision.Details.Facts).AsOf;
        var flags = Flags(decision.Details);
        for (var day = today.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (Flags(HandWrittenPolicies.PlacementLength(factsOn(day))) != flags) return ValueTask.FromResult(day);
        }
        return ValueTask.FromResult(last.AddDays(1));
    }

    private static string Flags(PolicyDecision decision) => decision.Outcome + string.Concat(decision.Failed.Select(r => r.Flag));
}

internal sealed class HandWrittenConversionPolicy : IConversionPolicy
{
    public ValueTask<ConversionDecision> DecideAsync(ConversionFacts facts, CancellationToken cancellationToken = default)
    {
        var decision = HandWrittenPolicies.Conversion(facts);
        return ValueTask.FromResult(new ConversionDecision(decision.Outcome == "Eligible", decision));
    }

    public ValueTask<ConversionTerms> TermsAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ConversionTerms(14, 42, 0.30m, 37, "hand-written"));

    // Hand-written, the rules' own decision is worked out for each day ahead until it is eligible.
    public ValueTask<DateOnly> MayChangeOnAsync(ConversionDecision decision, Func<DateOnly, ConversionFacts> factsOn, DateOnly last, CancellationToken cancellationToken = default)
    {
        var today = ((ConversionFacts)decision.Details.Facts).AsOf;
        for (var day = today.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (HandWrittenPolicies.Conversion(factsOn(day)).Outcome == "Eligible") return ValueTask.FromResult(day);
        }
        return ValueTask.FromResult(last.AddDays(1));
    }
}
