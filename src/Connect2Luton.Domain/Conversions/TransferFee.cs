namespace Connect2Luton.Domain.Conversions;

/// <summary>
/// When an agency can no longer charge a transfer fee for taking a worker on permanently: regulation 10 of the
/// Conduct of Employment Agencies and Employment Businesses Regulations 2003. A fee may be charged for a hire
/// within the 14 weeks commencing on the first day of work, or within the 8 weeks commencing the day after the
/// worker last worked, whichever ends later. The week counts are the conversion rules' to set.
/// </summary>
public static class TransferFee
{
    /// <summary>
    /// The first day on which no fee can be charged. <paramref name="lastDayWorked"/> is null while the placement
    /// runs: a worker converted during it is hired within the assignment, so only the first period applies.
    /// </summary>
    public static DateOnly FreeFrom(DateOnly continuousSince, DateOnly? lastDayWorked, int weeksFromStart, int weeksAfterLastDay)
    {
        // 14 weeks commencing on day one end with day 98: the first free day is 98 days after the first.
        var afterStart = continuousSince.AddDays(7 * weeksFromStart);
        if (lastDayWorked is not { } last) return afterStart;
        var afterEnd = last.AddDays(7 * weeksAfterLastDay + 1);
        return afterEnd > afterStart ? afterEnd : afterStart;
    }
}
