using Connect2Luton.Domain.Conversions;

namespace Connect2Luton.Domain.Tests.Conversions;

/// <summary>Regulation 10: the first day a worker can be taken on permanently with no transfer fee.</summary>
public sealed class TransferFeeTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public void During_a_placement_the_fee_free_day_is_the_day_after_the_14_weeks_that_begin_on_the_first_day()
    {
        var free = TransferFee.FreeFrom(Start, lastDayWorked: null, weeksFromStart: 14, weeksAfterLastDay: 8);

        free.ShouldBe(Start.AddDays(98));
        (Start.AddDays(97) < free).ShouldBeTrue("97 days after the start is day 98, the last of the 14 weeks");
    }

    [Fact]
    public void After_a_placement_ends_the_8_weeks_after_the_last_day_worked_count_when_they_end_later()
    {
        var lastDay = Start.AddDays(30 * 7);

        TransferFee.FreeFrom(Start, lastDay, 14, 8).ShouldBe(lastDay.AddDays(57));
        TransferFee.FreeFrom(Start, Start.AddDays(20), 14, 8).ShouldBe(Start.AddDays(98), "a short placement: the 14 weeks end later");
    }
}
