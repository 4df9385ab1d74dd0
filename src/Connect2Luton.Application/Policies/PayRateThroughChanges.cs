using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Policies;

/// <summary>What a pay rate is decided on: the role, where and through whom, the rate and the hours.</summary>
public sealed record PayRateTerms(JobRole Role, bool IsChildrensServices, SupplyAgencyKind Supplier, decimal MarginRate, decimal PayRate, decimal WeeklyHours);

/// <summary>A pay rate priced with the on-costs of a day and decided with the rules in force that day.</summary>
public sealed record DatedPayDecision(DateOnly Day, PlacementRates Rates, PayRateDecision Decision);

/// <summary>
/// A pay rate held to the pay-rate rules through a stretch of a placement. The rules' figures may change on dates
/// (a living wage from 1 April, a cap HR scheduled, a new National Insurance rate), so the rate is decided on the
/// stretch's first day and again on each day the figures change before it ends, priced each time with that day's
/// on-costs: a rate allowed when booked may fall below a living wage, or over a cap once NI rises.
/// </summary>
public sealed class PayRateThroughChanges(IPayRatePolicy payRates)
{
    public async Task<DatedPayDecision> OnAsync(PayRateTerms terms, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var rates = ChargeRates.Price(terms.PayRate, terms.Supplier, terms.MarginRate, await payRates.OnCostsAsync(day, cancellationToken));
        var decision = await payRates.DecideAsync(PolicyFacts.PayRate(terms.Role, terms.IsChildrensServices, terms.Supplier, rates, terms.WeeklyHours, day), cancellationToken);
        return new DatedPayDecision(day, rates, decision);
    }

    /// <summary>
    /// The decision on <paramref name="from"/>, or, where it is worse, on the first later day up to
    /// <paramref name="until"/> that the figures change and the outcome comes out worse than on the days before.
    /// </summary>
    /// <returns>The first day's decision (its rates are the ones to book), and the worst with its day.</returns>
    public async Task<(DatedPayDecision First, DatedPayDecision Worst)> ThroughAsync(PayRateTerms terms, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var first = await OnAsync(terms, from, cancellationToken);
        var worst = first;
        if (worst.Decision.Outcome == PayRateOutcome.Refused) return (first, worst);
        foreach (var day in await payRates.ChangeDaysAsync(from, until, cancellationToken))
        {
            var later = await OnAsync(terms, day, cancellationToken);
            if (later.Decision.Outcome <= worst.Decision.Outcome) continue;
            worst = later;
            if (worst.Decision.Outcome == PayRateOutcome.Refused) break;
        }
        return (first, worst);
    }
}
