using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Domain.Timesheets;

/// <summary>What an hour of one kind of work cost on one day, and the version of the pay-rate rules its on-costs came from.</summary>
public sealed record HourlyPrice(PlacementRates Rates, string RuleVersion);

/// <summary>
/// One day's hours of one kind, priced: the hourly rates in force that day and what they come to. Each part is the
/// hours times its hourly rate, rounded to the penny once (<see cref="Money.ToPenny"/>); the charge is the sum of
/// the parts, so a line, a week, a month or a year adds up exactly, and a week split at a month's end for an invoice
/// prices to the same pennies as the whole week. An approved line never changes: an adjustment reverses it with a
/// line of the opposite sign.
/// </summary>
public sealed class TimesheetLine : Entity
{
    private TimesheetLine() { Rates = null!; RuleVersion = string.Empty; }

    private TimesheetLine(DateOnly day, TimesheetLineType type, decimal hours, PlacementRates rates, string ruleVersion, bool isReversal)
    {
        Day = day;
        Type = type;
        Hours = hours;
        Rates = rates;
        RuleVersion = ruleVersion;
        IsReversal = isReversal;
        Pay = Money.ToPenny(hours * rates.PayRate);
        HolidayPay = Money.ToPenny(hours * rates.HolidayPay);
        EmployerNationalInsurance = Money.ToPenny(hours * rates.EmployerNationalInsurance);
        EmployerPension = Money.ToPenny(hours * rates.EmployerPension);
        Margin = Money.ToPenny(hours * rates.Margin);
        Charge = Pay + HolidayPay + EmployerNationalInsurance + EmployerPension + Margin;
    }

    public static TimesheetLine Worked(TimesheetHours hours, HourlyPrice price)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(price);
        if (hours.Hours <= 0) throw new DomainRuleException("A priced line has hours worked.");
        return new TimesheetLine(hours.Day, hours.Type, hours.Hours, price.Rates, price.RuleVersion, isReversal: false);
    }

    /// <summary>What a line says, to tell whether a line priced again comes to the same (its id aside).</summary>
    public static (DateOnly Day, TimesheetLineType Type, decimal Hours, bool IsReversal, decimal Pay, decimal Charge, decimal PayRate, decimal ChargeRate, string RuleVersion) Priced(TimesheetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return (line.Day, line.Type, line.Hours, line.IsReversal, line.Pay, line.Charge, line.Rates.PayRate, line.Rates.ChargeRate, line.RuleVersion);
    }

    /// <summary>The line that takes this one back out, at the rates it was priced at: together they come to nothing.</summary>
    public TimesheetLine Reversal() => new(Day, Type, -Hours, Rates, RuleVersion, isReversal: true);

    public int TimesheetId { get; private set; }
    public DateOnly Day { get; private set; }
    public TimesheetLineType Type { get; private set; }

    /// <summary>Negative on a reversal.</summary>
    public decimal Hours { get; private set; }

    /// <summary>The hourly rates in force on the day, for this kind of hours.</summary>
    public PlacementRates Rates { get; private set; }

    public string RuleVersion { get; private set; }
    public bool IsReversal { get; private set; }

    public decimal Pay { get; private set; }
    public decimal HolidayPay { get; private set; }
    public decimal EmployerNationalInsurance { get; private set; }
    public decimal EmployerPension { get; private set; }
    public decimal Margin { get; private set; }

    /// <summary>What the hiring organisation is charged for the line: always the sum of the parts.</summary>
    public decimal Charge { get; private set; }
}
