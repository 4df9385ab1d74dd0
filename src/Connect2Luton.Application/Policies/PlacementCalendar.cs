namespace Connect2Luton.Application.Policies;

/// <summary>
/// How the facts count time. Weeks are calendar weeks of seven days from the first day, as the Agency Workers
/// Regulations count them; months are calendar months. The thresholds these are compared with are in the rules.
/// </summary>
public static class PlacementCalendar
{
    /// <summary>Whole weeks completed from <paramref name="start"/> to <paramref name="asOf"/>, both days counted: 84 days is 12 weeks.</summary>
    public static int CompletedWeeks(DateOnly start, DateOnly asOf) =>
        asOf < start ? 0 : (asOf.DayNumber - start.DayNumber + 1) / 7;

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

    /// <summary>
    /// Qualifying weeks an earlier run of placements in the same role carries into one starting on
    /// <paramref name="start"/>: walking back from it, each placement's completed weeks count until a break longer
    /// than <paramref name="longestBreakWeeks"/> (which resets the AWR clock).
    /// </summary>
    public static int AwrWeeksCarried(IEnumerable<(DateOnly Start, DateOnly End)> earlier, DateOnly start, int longestBreakWeeks)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var weeks = 0;
        var from = start;
        foreach (var (first, last) in earlier.Where(p => p.End < start).OrderByDescending(p => p.End))
        {
            if (from.DayNumber - last.DayNumber - 1 > longestBreakWeeks * 7) break;
            weeks += CompletedWeeks(first, last);
            from = first;
        }
        return weeks;
    }
}
