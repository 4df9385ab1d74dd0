namespace Connect2Luton.Domain.SupplyChain;

/// <summary>
/// The time a release waits counts working days: Monday to Friday, on a clock in Luton. England's bank holidays are
/// not held anywhere in the app, so a bank holiday that falls on a weekday counts as a working day.
/// </summary>
public static class WorkingTime
{
    // A Monday, so every seventh day from it is a Monday too.
    private static readonly DateTime FirstMonday = new(2001, 1, 1);

    /// <summary>
    /// Whole working days from <paramref name="from"/> to <paramref name="to"/>, both as a clock in Luton shows them:
    /// approved on a Friday at 16:00, 2 working days have passed on the Tuesday at 16:00; approved on a Saturday, the
    /// count starts on the Monday at midnight. None if <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public static int WholeDaysBetween(DateTime from, DateTime to)
    {
        var elapsed = Since(to) - Since(from);
        return elapsed <= TimeSpan.Zero ? 0 : (int)(elapsed.Ticks / TimeSpan.TicksPerDay);
    }

    /// <summary>
    /// The working time from <paramref name="from"/> to <paramref name="to"/>, both as a clock in Luton shows them,
    /// weekends left out: from a Friday at 16:00 to the Monday at 10:00 is 18 hours. Zero if <paramref name="to"/> is
    /// not after <paramref name="from"/>.
    /// </summary>
    public static TimeSpan Between(DateTime from, DateTime to)
    {
        var elapsed = Since(to) - Since(from);
        return elapsed <= TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    // The working time from FirstMonday to the moment: five whole days a week, then the days of its own week so far.
    private static TimeSpan Since(DateTime local)
    {
        var days = (long)(local.Date - FirstMonday).TotalDays;
        var weeks = Math.DivRem(days, 7, out var dayOfWeek);
        if (dayOfWeek < 0)
        {
            weeks--;
            dayOfWeek += 7;
        }
        var working = weeks * 5 + Math.Min(dayOfWeek, 5);
        return TimeSpan.FromDays(working) + (dayOfWeek < 5 ? local.TimeOfDay : TimeSpan.Zero);
    }
}
