using Connect2Luton.Application.RuleSets;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// How a pay-rate case's other facts follow from its pay: holiday pay, employer National Insurance, pension and the
/// charge are priced from it as a booking prices them (<see cref="ChargeRates"/>), with the on-cost rates the rules
/// set and the supplier's margin as a share of the cost, so a case moved to a new pay is one a booking could make.
/// </summary>
public static class PayRateArithmetic
{
    public static object With(object facts, string fact, decimal value, Func<string, object?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        if (facts is not PayRateFacts given || fact != nameof(PayRateFacts.PayRate)) return CaseFacts.Set(facts, fact, value);
        var onCosts = new OnCostRates(
            valueOf(RuleSetDefinition.HolidayPayRate) as decimal? ?? 0m,
            valueOf(RuleSetDefinition.EmployerNationalInsuranceRate) as decimal? ?? 0m,
            valueOf(RuleSetDefinition.InHousePoolPensionRate) as decimal? ?? 0m,
            string.Empty);
        var cost = given.PayRate + given.HolidayPay + given.EmployerNationalInsurance + given.EmployerPension;
        var marginRate = cost <= 0 ? 0m : Math.Round(given.Margin / cost, 4, MidpointRounding.AwayFromZero);
        var supplier = Enum.TryParse<SupplyAgencyKind>(given.SupplierKind, out var kind) ? kind : SupplyAgencyKind.ExternalAgency;
        var rates = ChargeRates.Price(value, supplier, marginRate, onCosts);
        return given with
        {
            PayRate = rates.PayRate,
            HolidayPay = rates.HolidayPay,
            EmployerNationalInsurance = rates.EmployerNationalInsurance,
            EmployerPension = rates.EmployerPension,
            Margin = rates.Margin,
            ChargeRate = rates.ChargeRate,
        };
    }
}
