using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Conversions;

/// <summary>
/// The money behind a conversion prompt, in pounds, as at the night it was raised: what the placement has cost so
/// far, a year of keeping the worker through the agency against a year of the permanent post, and whether a
/// temp-to-permanent transfer fee could still be charged.
/// </summary>
public sealed record ConversionCosts
{
    public ConversionCosts(decimal agencyCostToDate, decimal yearlyAgencyCost, decimal yearlyPermanentCost, bool transferFeeMayApply)
    {
        AgencyCostToDate = Guard.NotNegative(agencyCostToDate, "The agency cost to date");
        YearlyAgencyCost = Guard.NotNegative(yearlyAgencyCost, "The yearly agency cost");
        YearlyPermanentCost = Guard.NotNegative(yearlyPermanentCost, "The yearly permanent cost");
        TransferFeeMayApply = transferFeeMayApply;
    }

    public decimal AgencyCostToDate { get; init; }
    public decimal YearlyAgencyCost { get; init; }
    public decimal YearlyPermanentCost { get; init; }
    public bool TransferFeeMayApply { get; init; }

    /// <summary>Negative where the permanent post would cost more than the agency worker.</summary>
    public decimal YearlySaving => YearlyAgencyCost - YearlyPermanentCost;
}
