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
}
