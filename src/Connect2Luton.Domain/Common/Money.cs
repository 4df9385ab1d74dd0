namespace Connect2Luton.Domain.Common;

/// <summary>
/// The one rounding of money: to the penny, halves away from zero (as payroll and invoices do). Every amount a
/// person is paid or the council is charged is rounded here and nowhere else, so a breakdown always adds up.
/// </summary>
public static class Money
{
    public static decimal ToPenny(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
