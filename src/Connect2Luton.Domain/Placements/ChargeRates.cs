using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Domain.Placements;

/// <summary>
/// The employer's on-costs as fractions of pay, as the pay-rate cap rules set them (statutory rates change each
/// April, so they are policy, not code).
/// </summary>
public sealed record OnCostRates(decimal HolidayPay, decimal EmployerNationalInsurance, decimal InHousePoolPension, string RuleSetVersion);

/// <summary>
/// Works out an hour's charge from the pay: holiday pay on pay, employer National Insurance on pay and holiday
/// pay (both are earnings), pension where the in-house pool employs the worker, then the supplier's margin on
/// the lot. Each part is rounded to the penny, so the charge is exactly the sum of what the breakdown shows.
/// </summary>
public static class ChargeRates
{
    public static PlacementRates Price(decimal payRate, SupplyAgencyKind supplier, decimal marginRate, OnCostRates onCosts)
    {
        ArgumentNullException.ThrowIfNull(onCosts);
        var holiday = Money.ToPenny(payRate * onCosts.HolidayPay);
        var nationalInsurance = Money.ToPenny((payRate + holiday) * onCosts.EmployerNationalInsurance);
        var pension = supplier == SupplyAgencyKind.InHousePool ? Money.ToPenny(payRate * onCosts.InHousePoolPension) : 0m;
        var margin = Money.ToPenny((payRate + holiday + nationalInsurance + pension) * marginRate);
        return new PlacementRates(payRate, holiday, nationalInsurance, pension, margin);
    }
}
