using System.Globalization;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Domain.Tests.SupplyChain;

public sealed class WorkingTimeBetweenTests
{
    [Theory]
    [InlineData("2026-11-23 10:00", "2026-11-23 15:30", 5.5)]   // the same Monday
    [InlineData("2026-11-27 16:00", "2026-11-30 10:00", 18)]    // Friday afternoon to Monday morning: the weekend does not count
    [InlineData("2026-11-28 11:00", "2026-11-30 09:00", 9)]     // released on a Saturday: the time starts on Monday at midnight
    [InlineData("2026-11-23 10:00", "2026-11-30 10:00", 120)]   // a week later is five working days
    [InlineData("2026-11-23 10:00", "2026-11-23 09:00", 0)]
    public void Working_time_between_two_moments_leaves_out_the_weekend(string from, string to, double hours) =>
        WorkingTime.Between(DateTime.Parse(from, CultureInfo.InvariantCulture), DateTime.Parse(to, CultureInfo.InvariantCulture))
            .ShouldBe(TimeSpan.FromHours(hours));
}
