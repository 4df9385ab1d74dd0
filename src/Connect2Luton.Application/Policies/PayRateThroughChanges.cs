using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Policies;

/// <summary>What a pay rate is decided on: the role, where and through whom, the rate and the hours.</summary>
public sealed record PayRateTerms(JobRole Role, bool IsChildrensServices, SupplyAgencyKind Supplier, decimal MarginRate, decimal PayRate, decimal WeeklyHours);

/// <summary>
/// The most an hour a role may be paid without an exception, as the rules in force decide it, and what they say of
/// a penny more (the cap it would go over, in the rule's own words).
/// </summary>
public sealed record PayHeadroom(decimal MostPay, string? Beyond);

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
    /// The most an hour that is allowed for these terms on a day, found by asking the rules, not by a second copy of
    /// their arithmetic: pay is tried in whole pounds up from £1 until one is allowed (the living wage sits below
    /// it), then doubled until one is not, then halved to the penny between. Null where no pay is allowed, or every
    /// pay tried is (no cap binds).
    /// </summary>
    public async Task<PayHeadroom?> HeadroomAsync(PayRateTerms terms, DateOnly day, decimal most, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        async Task<DatedPayDecision> At(decimal pay) => await OnAsync(terms with { PayRate = pay }, day, cancellationToken);
        decimal? allowed = null;
        for (var pounds = 1m; pounds <= Math.Min(most, 100m); pounds++)
        {
            if ((await At(pounds)).Decision.Outcome != PayRateOutcome.Allowed) continue;
            allowed = pounds;
            break;
        }
        if (allowed is not { } low) return null;
        var high = low;
        while (true)
        {
            high = Math.Min(high * 2, most);
            if ((await At(high)).Decision.Outcome != PayRateOutcome.Allowed) break;
            if (high >= most) return null;
            low = high;
        }
        while (high - low > 0.01m)
        {
            var middle = Math.Round((low + high) / 2, 2, MidpointRounding.ToZero);
            if ((await At(middle)).Decision.Outcome == PayRateOutcome.Allowed) low = middle;
            else high = middle;
        }
        // What the rules say of the first penny over, in their own words.
        var beyond = (await At(high)).Decision.Details.Failed.FirstOrDefault()?.Message;
        return new PayHeadroom(low, beyond);
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
