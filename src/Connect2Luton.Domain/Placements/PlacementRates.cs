using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Placements;

/// <summary>
/// What an hour of a placement costs, in pounds: the worker's pay, the employer's on-costs on it, and the
/// supplier's margin. The council is charged the sum. How the parts are worked out is policy; that they add up
/// and are never negative is not.
/// </summary>
public sealed record PlacementRates
{
    public PlacementRates(decimal payRate, decimal holidayPay, decimal employerNationalInsurance, decimal employerPension, decimal margin)
    {
        PayRate = Guard.Positive(payRate, "The pay rate");
        HolidayPay = Guard.NotNegative(holidayPay, "Holiday pay");
        EmployerNationalInsurance = Guard.NotNegative(employerNationalInsurance, "Employer National Insurance");
        EmployerPension = Guard.NotNegative(employerPension, "The employer pension contribution");
        Margin = Guard.NotNegative(margin, "The margin");
        ChargeRate = PayRate + HolidayPay + EmployerNationalInsurance + EmployerPension + Margin;
    }

    public decimal PayRate { get; init; }
    public decimal HolidayPay { get; init; }
    public decimal EmployerNationalInsurance { get; init; }
    public decimal EmployerPension { get; init; }
    public decimal Margin { get; init; }

    /// <summary>Kept as a column so spend can be summed in the database; always the sum of the parts.</summary>
    public decimal ChargeRate { get; init; }

    public decimal OnCosts => HolidayPay + EmployerNationalInsurance + EmployerPension;
}
