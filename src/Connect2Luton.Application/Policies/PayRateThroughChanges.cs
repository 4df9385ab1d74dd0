using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Policies;

/// <summary>What a pay rate is decided on: the role, where and through whom, the rate and the hours.</summary>
/// <param name="AwrQualified">The worker is past the AWR qualifying weeks in the role on the day decided.</param>
public sealed record PayRateTerms(JobRole Role, bool IsChildrensServices, SupplyAgencyKind Supplier, decimal MarginRate, decimal PayRate, decimal WeeklyHours, bool AwrQualified = false);

/// <summary>
/// The most an hour a role may be paid without an exception, as the rules in force decide it, and what they say of
/// a penny more (the cap it would go over, in the rule's own words).
/// </summary>
/// <param name="MostPay">Nothing when no pay is allowed without an exception on <paramref name="Day"/>.</param>
/// <param name="Day">The day it is least, where it is worked out over a stretch.</param>
public sealed record PayHeadroom(decimal MostPay, string? Beyond, DateOnly Day)
{
    public bool NoneAllowed => MostPay == 0m;
}

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
        var decision = await payRates.DecideAsync(PolicyFacts.PayRate(terms.Role, terms.IsChildrensServices, terms.Supplier, rates, terms.WeeklyHours, day, terms.AwrQualified), cancellationToken);
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
        async Task<string?> Failing(decimal pay)
        {
            var decision = (await OnAsync(terms with { PayRate = pay }, day, cancellationToken)).Decision;
            return decision.Outcome == PayRateOutcome.Allowed ? null : string.Join('|', decision.Details.Failed.Select(r => r.Rule));
        }
        async Task<bool> Allowed(decimal pay) => await Failing(pay) is null;
        if (await FirstAllowedAsync(Failing, Math.Min(most, 100m)) is not { } allowed)
        {
            // Nothing is allowed without an exception: said, with why, as the rules put it for a pay of £100.
            var none = (await OnAsync(terms with { PayRate = Math.Min(most, 100m) }, day, cancellationToken)).Decision.Details.Failed.FirstOrDefault()?.Message;
            return new PayHeadroom(0m, none, day);
        }
        var (low, high) = (allowed, allowed);
        while (true)
        {
            high = Math.Min(high * 2, most);
            if (!await Allowed(high)) break;
            if (high >= most) return null;
            low = high;
        }
        while (high - low > 0.01m)
        {
            var middle = Math.Round((low + high) / 2, 2, MidpointRounding.ToZero);
            if (await Allowed(middle)) low = middle;
            else high = middle;
        }
        // What the rules say of the first penny over, in their own words.
        var beyond = (await OnAsync(terms with { PayRate = high }, day, cancellationToken)).Decision.Details.Failed.FirstOrDefault()?.Message;
        return new PayHeadroom(low, beyond, day);
    }

    /// <summary>
    /// The least an hour the rules allow for these terms on a day (the living wage, or for a worker past the AWR
    /// qualifying weeks what the permanent post pays), found by asking them as the headroom is; null where no pay up
    /// to <paramref name="most"/> is allowed.
    /// </summary>
    public async Task<decimal?> LeastAllowedAsync(PayRateTerms terms, DateOnly day, decimal most, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        async Task<string?> Failing(decimal pay)
        {
            var decision = (await OnAsync(terms with { PayRate = pay }, day, cancellationToken)).Decision;
            return decision.Outcome == PayRateOutcome.Allowed ? null : string.Join('|', decision.Details.Failed.Select(r => r.Rule));
        }
        if (await FirstAllowedAsync(Failing, most) is not { } first) return null;
        if (first != decimal.Truncate(first)) return first;
        // The first whole pound allowed: the least allowed pay is in the pound below it, found to the penny.
        var (low, high) = (first - 1m, first);
        while (high - low > 0.01m)
        {
            var middle = Math.Round((low + high) / 2, 2, MidpointRounding.ToZero);
            if (await Failing(middle) is null) high = middle;
            else low = middle;
        }
        return high;
    }

    /// <summary>
    /// The least the headroom comes to over a stretch: on its first day and each later day the rules' figures change
    /// before it ends (a cap scheduled to fall, National Insurance rising), so a rate within it holds throughout.
    /// </summary>
    public async Task<PayHeadroom?> HeadroomThroughAsync(PayRateTerms terms, DateOnly from, DateOnly until, decimal most, CancellationToken cancellationToken)
    {
        PayHeadroom? least = null;
        foreach (var day in (await payRates.ChangeDaysAsync(from, until, cancellationToken)).Prepend(from))
        {
            // A day no cap binds leaves the others to say it; the least of the days a cap does bind is the headroom.
            if (await HeadroomAsync(terms, day, most, cancellationToken) is not { } headroom) continue;
            if (least is null || headroom.MostPay < least.MostPay) least = headroom;
        }
        return least;
    }

    // The lowest allowed pay found: whole pounds first (the living wage sits between two). Where the rules failing
    // change from one pound to the next (below the living wage, then over a cap) the allowed pay, if any, lies
    // between them: every penny there is tried.
    private static async Task<decimal?> FirstAllowedAsync(Func<decimal, Task<string?>> failing, decimal most)
    {
        string? before = null;
        for (var pounds = 1m; pounds <= most; pounds++)
        {
            var now = await failing(pounds);
            if (now is null) return pounds;
            if (before is not null && now != before)
            {
                for (var pence = pounds - 0.99m; pence < pounds; pence += 0.01m)
                {
                    if (await failing(pence) is null) return pence;
                }
            }
            before = now;
        }
        return null;
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
