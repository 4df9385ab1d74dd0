using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Domain.Conversions;

/// <summary>
/// The money behind a conversion prompt. Agency cost is what the council is charged (charge rate times contracted
/// hours); the permanent cost is the grade's mid-point salary at the placement's hours plus the employer on-cost
/// rate the conversion rules set.
/// </summary>
public static class ConversionCosting
{
    private const int WeeksInAYear = 52;

    public static ConversionCosts For(ChargedPlacement placement, JobRole role, DateOnly feeFreeFrom, ConversionTerms terms, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(terms);
        var (yearlyAgency, yearlyPermanent) = Yearly(placement.ChargeRate, placement.WeeklyHours, role, terms);
        return new ConversionCosts(Pounds(CostToDate(placement, today)), yearlyAgency, yearlyPermanent, today < feeFreeFrom);
    }

    /// <summary>A year at the charge rate and hours through the agency, and a year of the permanent post at those hours, in pounds.</summary>
    public static (decimal Agency, decimal Permanent) Yearly(decimal chargeRate, decimal weeklyHours, JobRole role, ConversionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(terms);
        var share = Math.Min(1m, weeklyHours / terms.FullTimeWeeklyHours);
        var midPoint = (role.PermanentSalaryMinimum + role.PermanentSalaryMaximum) / 2m;
        return (Pounds(chargeRate * weeklyHours * WeeksInAYear), Pounds(midPoint * share * (1m + terms.PermanentOnCostRate)));
    }

    /// <summary>Charged so far: each day worked, at the charge rate that applied that day, at the contracted weekly hours.</summary>
    public static decimal CostToDate(ChargedPlacement placement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var last = placement.EndDate < today ? placement.EndDate : today;
        if (last < placement.StartDate) return 0m;
        var changes = placement.RateChanges.OrderBy(c => c.EffectiveFrom).ToList();
        var from = placement.StartDate;
        var rate = RateInForce.On(from, placement.ChargeRate, changes.Select(c => new RateChangeOn(c.EffectiveFrom, c.PreviousChargeRate)));
        var cost = 0m;
        foreach (var change in changes.Where(c => c.EffectiveFrom > placement.StartDate && c.EffectiveFrom <= last))
        {
            cost += Days(from, change.EffectiveFrom.AddDays(-1)) * rate;
            from = change.EffectiveFrom;
            rate = change.NewChargeRate;
        }
        cost += Days(from, last) * rate;
        return cost * placement.WeeklyHours / 7m;
    }

    private static decimal Days(DateOnly from, DateOnly to) => to < from ? 0 : to.DayNumber - from.DayNumber + 1;

    private static decimal Pounds(decimal amount) => Money.ToPenny(amount);
}

/// <summary>What a placement has been charged at: its dates, its charge rate now and each change to it, its hours.</summary>
public sealed record ChargedPlacement(DateOnly StartDate, DateOnly EndDate, decimal ChargeRate, decimal WeeklyHours, IReadOnlyList<ChargeRateChange> RateChanges);

public sealed record ChargeRateChange(DateOnly EffectiveFrom, decimal PreviousChargeRate, decimal NewChargeRate);
