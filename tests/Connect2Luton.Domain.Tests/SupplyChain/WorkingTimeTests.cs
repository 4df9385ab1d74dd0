using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Domain.Tests.SupplyChain;

public sealed class WorkingTimeTests
{
    [Theory]
    [InlineData("2026-11-23 10:00", "2026-11-25 10:00", 2)] // Monday to Wednesday
    [InlineData("2026-11-23 10:00", "2026-11-25 09:59", 1)]
    [InlineData("2026-11-27 16:00", "2026-11-30 16:00", 1)] // Friday afternoon to Monday afternoon: the weekend does not count
    [InlineData("2026-11-27 16:00", "2026-12-01 16:00", 2)]
    [InlineData("2026-11-28 11:00", "2026-11-30 23:59", 0)] // approved on a Saturday: the count starts on Monday at midnight
    [InlineData("2026-11-28 11:00", "2026-12-01 00:00", 1)]
    [InlineData("2026-11-23 10:00", "2026-11-30 10:00", 5)] // a week later
    [InlineData("2026-11-23 10:00", "2026-11-23 09:00", 0)]
    public void Whole_working_days_count_Monday_to_Friday_only(string from, string to, int days) =>
        WorkingTime.WholeDaysBetween(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(days);
}
