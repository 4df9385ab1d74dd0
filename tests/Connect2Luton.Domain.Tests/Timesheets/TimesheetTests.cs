using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Timesheets;

public sealed class TimesheetTests
{
    // Clocks.Today is Monday 23 November 2026: last week ran from 16 to 22 November.
    private static readonly DateOnly LastWeek = new(2026, 11, 16);
    private static readonly TimesheetRates Rates = new(
        20m, [new RateChangeOn(new DateOnly(2026, 11, 19), 18m)], SupplyAgencyKind.ExternalAgency, 0.1m,
        _ => new OnCostRates(0.1207m, 0.15m, 0.03m, "v1"), (_, type) => type == TimesheetLineType.Overtime ? 1.5m : 1m);

    private static TimesheetLimits Limits(bool optedOut = false, DateOnly? start = null, DateOnly? end = null) =>
        new(start ?? LastWeek.AddDays(-70), end ?? LastWeek.AddDays(70), Clocks.Today, optedOut, new HashSet<TimesheetLineType> { TimesheetLineType.Overtime });

    private static List<string> Problems(TimesheetLimits limits, params TimesheetHours[] hours) =>
        TimesheetChecks.Problems(LastWeek, hours, limits).Select(p => p.Message).ToList();

    private static TimesheetHours Standard(int day, decimal hours) => new(LastWeek.AddDays(day), TimesheetLineType.Standard, hours);

    [Fact]
    public void Hours_are_refused_outside_the_placement_beyond_a_day_in_the_future_and_off_the_quarter_hour()
    {
        Problems(Limits(start: LastWeek.AddDays(2)), Standard(1, 7.5m)).ShouldBe(["The placement starts on Wednesday 18 November 2026: no hours can be worked before it"]);
        Problems(Limits(end: LastWeek.AddDays(2)), Standard(3, 7.5m)).ShouldBe(["The placement ended on Wednesday 18 November 2026: no hours can be worked after it"]);
        Problems(Limits(), Standard(0, 7.4m)).ShouldBe(["Enter hours to the quarter hour, like 7.5 or 7.25"]);
        Problems(Limits(), Standard(0, 16m), new TimesheetHours(LastWeek, TimesheetLineType.Overtime, 9m))
            .ShouldBe(["Monday 16 November 2026 has 25 hours: no more than 24 hours can be worked in a day"]);
        TimesheetChecks.Problems(Clocks.Today, [new(Clocks.Today.AddDays(1), TimesheetLineType.Standard, 7m)], Limits())
            .Single().Message.ShouldBe("Hours cannot be entered for a day that has not happened yet");
        Problems(Limits(), new TimesheetHours(LastWeek, TimesheetLineType.SleepIn, 9m)).ShouldBe(["Sleep-in hours cannot be claimed in this role"]);
    }

    [Fact]
    public void Hours_over_a_day_in_one_field_are_refused_once_quoting_the_minutes_typed_never_a_rounded_figure()
    {
        // "24:01" as typed: 24 hours and a sixtieth.
        var typed = 24m + 1m / 60m;

        Problems(Limits(), Standard(0, typed)).ShouldBe(["No more than 24 hours can be worked in a day, and this is 24 hours 1 minute"]);
        Problems(Limits(), Standard(0, 30m), Standard(1, 12m), Standard(2, 12m), Standard(3, 12m))
            .ShouldBe(["No more than 24 hours can be worked in a day, and this is 30 hours"], "the week's total is of the hours that can be worked");
        TimesheetChecks.Hours(7m + 20m / 60m).ShouldBe("7 hours 20 minutes");
        TimesheetChecks.Hours(24.001m).ShouldBe("24.001 hours");
    }

    [Fact]
    public void A_week_over_48_hours_needs_the_workers_recorded_opt_out()
    {
        TimesheetHours[] week = [Standard(0, 10m), Standard(1, 10m), Standard(2, 10m), Standard(3, 10m), Standard(4, 10m)];

        Problems(Limits(), week).ShouldBe(["50 hours is over the Working Time Regulations' limit of 48 hours a week, and no opt-out of it is recorded"]);
        Problems(Limits(optedOut: true), week).ShouldBeEmpty();
    }

    [Fact]
    public void A_rate_change_mid_week_prices_the_days_before_it_at_the_old_rate_and_overtime_at_its_multiple()
    {
        var lines = Rates.Price([Standard(2, 8m), Standard(3, 8m), new(LastWeek.AddDays(3), TimesheetLineType.Overtime, 2m)]);

        lines.Select(l => (l.Day.Day, l.Type, l.Rates.PayRate, l.Pay)).ShouldBe([
            (18, TimesheetLineType.Standard, 18m, 144m),
            (19, TimesheetLineType.Standard, 20m, 160m),
            (19, TimesheetLineType.Overtime, 30m, 60m),
        ]);
        lines[1].Charge.ShouldBe(lines[1].Pay + lines[1].HolidayPay + lines[1].EmployerNationalInsurance + lines[1].Margin);
    }

    [Fact]
    public void A_queried_week_goes_back_with_the_reason_and_an_approved_week_is_locked()
    {
        var placement = Placement();
        var timesheet = Timesheet.Start(placement, LastWeek, TimesheetEnteredAs.Worker, "worker@test.local").WithId(1);
        timesheet.Record([Standard(0, 7.5m)], Limits(), "worker@test.local", Clocks.Now);
        timesheet.Submit(Rates.Price(timesheet.HoursEntered()), null, "worker@test.local", Clocks.Now);

        timesheet.Query("Monday was a bank holiday for the team", "manager@test.local", Clocks.Now);
        timesheet.Status.ShouldBe(TimesheetStatus.Queried);
        timesheet.QueryReason.ShouldBe("Monday was a bank holiday for the team");

        timesheet.Record([Standard(1, 7.5m)], Limits(), "worker@test.local", Clocks.Now);
        timesheet.Submit(Rates.Price(timesheet.HoursEntered()), null, "worker@test.local", Clocks.Now);
        timesheet.Approve(Rates.Price(timesheet.HoursEntered()), null, "manager@test.local", Clocks.Now);

        Should.Throw<DomainRuleException>(() => timesheet.Record([Standard(1, 8m)], Limits(), "worker@test.local", Clocks.Now));
        Should.Throw<DomainRuleException>(() => timesheet.Query("Too late", "manager@test.local", Clocks.Now));
        timesheet.History.Select(e => e.Step).ShouldBe([TimesheetStep.Saved, TimesheetStep.Submitted, TimesheetStep.Queried, TimesheetStep.Saved, TimesheetStep.Submitted, TimesheetStep.Approved]);
        timesheet.Charge.ShouldBe(timesheet.Lines.Sum(l => l.Charge));
    }

    [Fact]
    public void A_week_with_no_hours_is_sent_only_as_a_nil_return_said_so_and_a_week_with_hours_never_as_one()
    {
        var empty = Timesheet.Start(Placement(), LastWeek, TimesheetEnteredAs.Worker, "worker@test.local").WithId(1);
        empty.Record([], Limits(), "worker@test.local", Clocks.Now);
        Should.Throw<DomainRuleException>(() => empty.Submit([], null, "worker@test.local", Clocks.Now));
        empty.Submit([], null, "worker@test.local", Clocks.Now, noHoursWorked: true);
        (empty.IsNilReturn, empty.History.Last().Reason).ShouldBe((true, "no hours were worked this week"));

        var worked = Timesheet.Start(Placement(), LastWeek, TimesheetEnteredAs.Worker, "worker@test.local").WithId(2);
        worked.Record([Standard(0, 7.5m)], Limits(), "worker@test.local", Clocks.Now);
        Should.Throw<DomainRuleException>(() => worked.Submit(Rates.Price(worked.HoursEntered()), null, "worker@test.local", Clocks.Now, noHoursWorked: true));
        worked.Submit(Rates.Price(worked.HoursEntered()), null, "worker@test.local", Clocks.Now);
        worked.IsNilReturn.ShouldBeFalse();
    }

    [Fact]
    public void An_adjustment_reverses_the_approved_lines_and_adds_the_corrected_ones()
    {
        var placement = Placement();
        var approved = Timesheet.Start(placement, LastWeek, TimesheetEnteredAs.Recruiter, "recruiter@test.local").WithId(1);
        approved.Record([Standard(0, 7.5m), Standard(3, 7.5m)], Limits(), "recruiter@test.local", Clocks.Now);
        approved.Submit(Rates.Price(approved.HoursEntered()), null, "recruiter@test.local", Clocks.Now);
        approved.Approve(Rates.Price(approved.HoursEntered()), null, "manager@test.local", Clocks.Now);

        var adjustment = Timesheet.Adjusting(placement, approved, TimesheetEnteredAs.Recruiter, "recruiter@test.local").WithId(2);
        adjustment.HoursEntered().ShouldBe(approved.HoursEntered());
        adjustment.Record([Standard(0, 7.5m), Standard(3, 10m)], Limits(), "recruiter@test.local", Clocks.Now);
        adjustment.Submit(Rates.Price(adjustment.HoursEntered()), approved, "recruiter@test.local", Clocks.Now);
        adjustment.Approve(Rates.Price(adjustment.HoursEntered()), approved, "manager@test.local", Clocks.Now);

        adjustment.Sequence.ShouldBe(1);
        adjustment.AdjustsTimesheetId.ShouldBe(1);
        adjustment.Lines.Count(l => l.IsReversal).ShouldBe(2);
        // Only the 2.5 extra hours on Thursday, at Thursday's £20 rate, are left once the reversal is set against the new lines.
        adjustment.Lines.Sum(l => l.Pay).ShouldBe(50m);
    }

    private static Placement Placement() =>
        Domain.Placements.Placement.Book(
            A.Requisition().Open().WithId(10), A.Worker().Build().WithId(20),
            new PlacementBooking(A.Rates(), 37m, LastWeek.AddDays(-70), LastWeek.AddDays(70)), null, [], "recruiter@test.local", Clocks.Now).WithId(30);
}
