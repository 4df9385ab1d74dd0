using Connect2Luton.Infrastructure.Scheduling;

namespace Connect2Luton.Infrastructure.Tests.Nightly;

public sealed class ScheduleInWordsTests
{
    [Theory]
    [InlineData("0 30 2 * * ?", "Europe/London", "every night at 02:30, UK time")]
    [InlineData("0 0 9 ? * MON", "Europe/London", "every Monday at 09:00, UK time")]
    [InlineData("0 0 9 ? * MON,WED,FRI", "Europe/London", "every Monday, Wednesday and Friday at 09:00, UK time")]
    [InlineData("0 0/15 * * * ?", "Europe/London", "every 15 minutes")]
    [InlineData("0 10 0/2 * * ?", "UTC", "every 2 hours at 10 minutes past, UTC time")]
    [InlineData("0 30 2 1 * ?", "Europe/London", "to the schedule \"0 30 2 1 * ?\" (Europe/London)")]
    public void A_schedule_reads_as_an_admin_would_say_it(string cron, string zone, string words) =>
        ScheduleInWords.Describe(cron, zone).ShouldBe(words);
}
