namespace Connect2Luton.Domain.Placements;

/// <summary>
/// How the facts count time. Weeks are calendar weeks of seven days from the first day, as the Agency Workers
/// Regulations count them; months are calendar months. The thresholds these are compared with are in the rules.
/// </summary>
public static class PlacementCalendar
{
    /// <summary>Whole weeks completed from <paramref name="start"/> to <paramref name="asOf"/>, both days counted: 84 days is 12 weeks.</summary>
    public static int CompletedWeeks(DateOnly start, DateOnly asOf) =>
        asOf < start ? 0 : (asOf.DayNumber - start.DayNumber + 1) / 7;

    /// <summary>
    /// Whole weeks that have passed since <paramref name="start"/>, not counting <paramref name="asOf"/> itself: the
    /// regulation 10 count, whose 14 weeks are over only once day 98 has ended (started 97 days ago is 13 weeks and 6 days).
    /// </summary>
    public static int ElapsedWeeks(DateOnly start, DateOnly asOf) =>
        asOf < start ? 0 : (asOf.DayNumber - start.DayNumber) / 7;

    /// <summary>Weeks a booking from <paramref name="start"/> to <paramref name="end"/> touches: a part week counts as a week.</summary>
    public static int WeeksSpanned(DateOnly start, DateOnly end) =>
        end < start ? 0 : (end.DayNumber - start.DayNumber + 7) / 7;

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (31 January to 28 February is one).</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }
}
