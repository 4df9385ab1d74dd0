namespace Connect2Luton.Application.Placements;

/// <summary>
/// The length bands the dashboard and reports count placements in (under 12 weeks, to 6 months, to 12 months,
/// beyond). They describe; they decide nothing. The thresholds that flag or block a placement are policy and
/// live in rules/placement-length-limits.json.
/// </summary>
public static class LengthBands
{
    /// <summary>A placement started on or before this date has run at least 12 full weeks by <paramref name="asOf"/>.</summary>
    public static DateOnly TwelveWeeksBefore(DateOnly asOf) => asOf.AddDays(-7 * 12);

    public static DateOnly SixMonthsBefore(DateOnly asOf) => asOf.AddMonths(-6);

    public static DateOnly TwelveMonthsBefore(DateOnly asOf) => asOf.AddMonths(-12);
}
