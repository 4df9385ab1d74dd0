using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Domain.Tests.Placements;

public sealed class ChargeRatesTests
{
    private static readonly OnCostRates DefaultOnCosts = new(0.1207m, 0.15m, 0.03m, "test");

    [Fact]
    public void The_charge_is_pay_plus_each_on_cost_and_the_margin_each_to_the_penny()
    {
        var rates = ChargeRates.Price(30m, SupplyAgencyKind.InHousePool, 0.06m, DefaultOnCosts);

        (rates.HolidayPay, rates.EmployerNationalInsurance, rates.EmployerPension, rates.Margin).ShouldBe((3.62m, 5.04m, 0.90m, 2.37m));
        rates.ChargeRate.ShouldBe(41.93m);
    }

    [Fact]
    public void An_agency_worker_carries_no_council_pension_cost_and_the_agency_margin_applies()
    {
        var rates = ChargeRates.Price(30m, SupplyAgencyKind.ExternalAgency, 0.18m, DefaultOnCosts);

        rates.EmployerPension.ShouldBe(0m);
        rates.Margin.ShouldBe(Math.Round((30m + 3.62m + 5.04m) * 0.18m, 2));
        rates.ChargeRate.ShouldBe(30m + 3.62m + 5.04m + rates.Margin);
    }
}
