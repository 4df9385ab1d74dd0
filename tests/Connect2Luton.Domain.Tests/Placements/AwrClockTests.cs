using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Domain.Tests.Placements;

/// <summary>
/// The AWR clock's edge cases, under the default break rules of placement-length-limits.json (6 weeks for any
/// reason, 28 for sickness and jury service, leave and closures pause, pregnancy and family leave count).
/// </summary>
public sealed class AwrClockTests
{
    private const int Social = 1;
    private const int Senior = 2;
    private static readonly DateOnly Monday = new(2026, 1, 5);

    private static readonly AwrBreakRules Rules = new(
        LongestBreakWeeks: 6,
        LongestSicknessBreakWeeks: 28,
        LimitedPausingReasons: new HashSet<BreakReason> { BreakReason.Sickness, BreakReason.JuryService },
        PausingReasons: new HashSet<BreakReason> { BreakReason.AnnualLeave, BreakReason.HirerShutdown, BreakReason.IndustrialAction },
        CountingReasons: new HashSet<BreakReason> { BreakReason.PregnancyOrMaternity, BreakReason.FamilyLeave });

    private static DateOnly Week(int n) => Monday.AddDays(7 * n);

    /// <summary>Work in a role from the start of week <paramref name="from"/> for <paramref name="weeks"/> whole weeks.</summary>
    private static AwrAssignment Worked(int from, int weeks, int role = Social) => new(role, Week(from), Week(from + weeks).AddDays(-1));

    private static AwrBreak Off(int from, int weeks, BreakReason reason) => new(Week(from), Week(from + weeks).AddDays(-1), reason);

    private static int WeeksOn(DateOnly day, AwrAssignment[] work, AwrBreak[]? breaks = null, int role = Social) =>
        AwrClock.On(work, breaks ?? [], role, day, Rules).Weeks;

    [Fact]
    public void Twelve_whole_weeks_in_one_placement_qualify_on_the_last_day_of_the_twelfth()
    {
        AwrAssignment[] work = [Worked(0, 20)];

        WeeksOn(Week(12).AddDays(-2), work).ShouldBe(11);
        WeeksOn(Week(12).AddDays(-1), work).ShouldBe(12);
    }

    [Fact]
    public void Any_work_in_a_week_makes_it_a_qualifying_week()
    {
        // One day's work in each of three weeks, with nothing between.
        AwrAssignment[] work = [new(Social, Week(0), Week(0)), new(Social, Week(1).AddDays(3), Week(1).AddDays(3)), new(Social, Week(2).AddDays(6), Week(2).AddDays(6))];

        WeeksOn(Week(3).AddDays(-1), work).ShouldBe(3);
    }

    [Fact]
    public void A_break_of_six_weeks_between_placements_pauses_the_clock_and_seven_resets_it()
    {
        WeeksOn(Week(13).AddDays(-1), [Worked(0, 4), Worked(10, 3)]).ShouldBe(7, "4 weeks, a 6-week break, then 3 more");
        WeeksOn(Week(14).AddDays(-1), [Worked(0, 4), Worked(11, 3)]).ShouldBe(3, "a 7-week break starts the count again");
    }

    [Fact]
    public void While_a_worker_is_between_placements_the_clock_is_paused_until_the_break_is_too_long()
    {
        AwrAssignment[] work = [Worked(0, 5)];

        var paused = AwrClock.On(work, [], Social, Week(11).AddDays(-1), Rules);
        paused.Weeks.ShouldBe(5);
        paused.Paused.ShouldBeTrue();
        AwrClock.On(work, [], Social, Week(12).AddDays(-1), Rules).Weeks.ShouldBe(0, "seven weeks without work and no reason recorded");
    }

    [Fact]
    public void Sickness_of_up_to_28_weeks_pauses_the_clock_and_longer_resets_it()
    {
        WeeksOn(Week(28).AddDays(-1), [Worked(0, 5), Worked(25, 3)], [Off(5, 20, BreakReason.Sickness)]).ShouldBe(8);
        WeeksOn(Week(37).AddDays(-1), [Worked(0, 5), Worked(34, 3)], [Off(5, 29, BreakReason.Sickness)]).ShouldBe(3);
    }

    [Fact]
    public void Pregnancy_and_maternity_leave_count_as_weeks_worked()
    {
        WeeksOn(Week(14).AddDays(-1), [Worked(0, 4)], [Off(4, 10, BreakReason.PregnancyOrMaternity)]).ShouldBe(14);
    }

    [Fact]
    public void Annual_leave_inside_a_placement_pauses_the_clock_rather_than_counting()
    {
        WeeksOn(Week(10).AddDays(-1), [Worked(0, 10)], [Off(4, 2, BreakReason.AnnualLeave)]).ShouldBe(8);
    }

    [Fact]
    public void A_long_break_made_up_of_a_short_unexplained_gap_and_sickness_resets_the_clock()
    {
        // Five weeks with no reason and ten weeks' sickness: together over six weeks, and not all of it covered.
        WeeksOn(Week(22).AddDays(-1), [Worked(0, 4), Worked(19, 3)], [Off(9, 10, BreakReason.Sickness)]).ShouldBe(3);
    }

    [Fact]
    public void Moving_to_a_substantively_different_role_resets_the_clock_for_both()
    {
        AwrAssignment[] work = [Worked(0, 8), Worked(8, 2, Senior), Worked(10, 3)];

        WeeksOn(Week(13).AddDays(-1), work).ShouldBe(3, "back in the first role after two weeks in another");
        WeeksOn(Week(10).AddDays(-1), work, role: Senior).ShouldBe(2);
    }

    [Fact]
    public void Changing_agency_in_the_same_role_keeps_the_count_going()
    {
        // Two placements back to back (supplied by different agencies: the clock does not know or care).
        WeeksOn(Week(12).AddDays(-1), [Worked(0, 7), Worked(7, 10)]).ShouldBe(12);
    }

    [Fact]
    public void The_count_for_one_stretch_of_work_agrees_with_the_week_by_week_walk()
    {
        // One stretch and no breaks is counted by arithmetic; a break long before it makes the clock walk instead.
        var random = new Bogus.Randomizer(20261201);
        AwrBreak[] longAgo = [new(Monday.AddYears(-5), Monday.AddYears(-5).AddDays(3), BreakReason.AnnualLeave)];
        for (var i = 0; i < 2_000; i++)
        {
            var start = Monday.AddDays(random.Int(0, 400));
            AwrAssignment[] work = [new(Social, start, start.AddDays(random.Int(0, 500)))];
            var asOf = start.AddDays(random.Int(0, 700));

            AwrClock.On(work, [], Social, asOf, Rules).ShouldBe(AwrClock.On(work, longAgo, Social, asOf, Rules), $"{work[0]} on {asOf}");
        }
    }

    [Fact]
    public void A_worker_with_no_work_in_the_role_has_no_clock()
    {
        var position = AwrClock.On([Worked(0, 5, Senior)], [], Social, Week(5), Rules);

        position.Weeks.ShouldBe(0);
        position.CountingFrom.ShouldBeNull();
    }
}
