namespace Connect2Luton.Domain.Conversions;

/// <summary>
/// From the conversion rules: the fee-free point, the gap that breaks continuity, and what a permanent post costs
/// on top of its salary and at what full-time hours.
/// </summary>
public sealed record ConversionTerms(int FeeFreeWeeks, int ContinuityGapDays, decimal PermanentOnCostRate, int FullTimeWeeklyHours, string RuleSetVersion)
{
    /// <summary>Weeks after the last day worked during which a transfer fee can still be charged, if that ends later.</summary>
    public int FeeWeeksAfterLastDay { get; init; }

    /// <summary>The first day no transfer fee can be charged for a worker whose run began on <paramref name="continuousSince"/>.</summary>
    public DateOnly FeeFreeFrom(DateOnly continuousSince, DateOnly? lastDayWorked) =>
        TransferFee.FreeFrom(continuousSince, lastDayWorked, FeeFreeWeeks, FeeWeeksAfterLastDay);
}
