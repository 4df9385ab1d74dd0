using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Domain.Timesheets;

/// <summary>
/// Prices a placement's hours day by day: the pay rate in force on the day (<see cref="RateInForce"/>, so a rate
/// change mid-week splits the week), times what the rules pay that kind of hours against it, rounded to the penny;
/// then the on-costs the pay-rate rules set for that day and the margin, as every booking is priced
/// (<see cref="ChargeRates"/>).
/// </summary>
/// <param name="PayNow">The placement's pay rate now.</param>
/// <param name="Changes">Its rate changes, each with the rate it replaced.</param>
/// <param name="MarginRate">The supplier's margin with the hiring organisation's adjustment.</param>
/// <param name="OnCostsOn">The on-cost rates in force on a day.</param>
/// <param name="PayMultiplier">What a kind of hours pays against the rate on a day (1 for standard hours).</param>
public sealed record TimesheetRates(
    decimal PayNow,
    IReadOnlyList<RateChangeOn> Changes,
    SupplyAgencyKind Supplier,
    decimal MarginRate,
    Func<DateOnly, OnCostRates> OnCostsOn,
    Func<DateOnly, TimesheetLineType, decimal> PayMultiplier)
{
    public HourlyPrice On(DateOnly day, TimesheetLineType type)
    {
        var pay = Money.ToPenny(RateInForce.On(day, PayNow, Changes) * PayMultiplier(day, type));
        var onCosts = OnCostsOn(day);
        return new HourlyPrice(ChargeRates.Price(pay, Supplier, MarginRate, onCosts), onCosts.RuleSetVersion);
    }

    /// <summary>The week's hours as priced lines, one a day and kind of hours, in day order.</summary>
    public IReadOnlyList<TimesheetLine> Price(IEnumerable<TimesheetHours> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return hours.Where(h => h.Hours != 0).OrderBy(h => h.Day).ThenBy(h => h.Type).Select(h => TimesheetLine.Worked(h, On(h.Day, h.Type))).ToList();
    }
}
