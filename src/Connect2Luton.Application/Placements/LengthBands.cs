namespace Connect2Luton.Application.Placements;

/// <summary>
/// The length bands the dashboard and reports count placements in: to the AWR point, to the review point, to the
/// long-running point, and beyond. The points are the ones the placement-length rules flag at
/// (<c>awrQualifyingWeeks</c>, <c>reviewMonths</c>, <c>longRunningMonths</c>), read from the serving rules, so
/// the figures and the nightly flags change together when HR changes a point.
/// </summary>
public sealed record LengthBands(int AwrWeeks, int ReviewMonths, int LongRunningMonths)
{
    /// <summary>A placement started on or before this date has run at least the AWR weeks by <paramref name="asOf"/>.</summary>
    public DateOnly AwrPointBefore(DateOnly asOf) => asOf.AddDays(-7 * AwrWeeks);

    public DateOnly ReviewPointBefore(DateOnly asOf) => asOf.AddMonths(-ReviewMonths);

    public DateOnly LongRunningBefore(DateOnly asOf) => asOf.AddMonths(-LongRunningMonths);

    public string AwrPoint => Weeks(AwrWeeks);

    public string ReviewPoint => Months(ReviewMonths);

    public string LongRunningPoint => Months(LongRunningMonths);

    private static string Weeks(int weeks) => weeks == 1 ? "1 week" : $"{weeks} weeks";

    private static string Months(int months) => months == 1 ? "1 month" : $"{months} months";
}
