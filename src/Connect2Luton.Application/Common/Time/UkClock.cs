namespace Connect2Luton.Application.Common.Time;

/// <summary>
/// The council works on UK time: "today" is the date in Europe/London, whatever zone the server runs in, so a
/// placement's 12th week turns at midnight in Luton, not at midnight UTC.
/// </summary>
public static class UkClock
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A moment as a clock in Luton shows it.</summary>
    public static DateTimeOffset InUk(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }
}
