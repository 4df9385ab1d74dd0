namespace Connect2Luton.Domain.Placements;

/// <summary>
/// A week of a placement at its contracted hours, in pounds: what the council is committed to being charged, the
/// supplier's margin inside it, and the pay and statutory costs (pay, holiday pay, employer NI) that any agency's
/// margin is charged on. Kept with the placement, and set again whenever its rates change, so spend is summed by the
/// database rather than worked out again row by row on every report.
/// </summary>
public sealed record CommittedWeek
{
    private CommittedWeek() { }

    public static CommittedWeek Of(PlacementRates rates, decimal weeklyHours)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new CommittedWeek
        {
            Charge = rates.ChargeRate * weeklyHours,
            Margin = rates.Margin * weeklyHours,
            PayAndStatutoryCosts = (rates.PayRate + rates.HolidayPay + rates.EmployerNationalInsurance) * weeklyHours,
        };
    }

    public decimal Charge { get; private init; }
    public decimal Margin { get; private init; }
    public decimal PayAndStatutoryCosts { get; private init; }
}
