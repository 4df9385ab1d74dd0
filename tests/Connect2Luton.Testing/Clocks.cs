using Connect2Luton.Application.Common.Time;
using Microsoft.Extensions.Time.Testing;

namespace Connect2Luton.Testing;

public static class Clocks
{
    /// <summary>Monday 23 November 2026, 10:00 in London: the day every fixed-clock test is written against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static FakeTimeProvider Fixed(DateTimeOffset? at = null)
    {
        var clock = new FakeTimeProvider(at ?? Now);
        clock.SetLocalTimeZone(UkClock.Zone);
        return clock;
    }
}
