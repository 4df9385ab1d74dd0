using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Connect2Luton.Domain.Tests.Timesheets;

/// <summary>
/// Random weeks (rate changes on any day around the week, on-costs that change mid-week, every supplier, every kind
/// of hours) priced and checked against the same sums worked out another way. A fixed seed, so a failure is found
/// again by running the test again.
/// </summary>
public sealed class TimesheetPricingProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(20261206UL, 7UL);

    private static readonly IReadOnlyDictionary<TimesheetLineType, decimal> Multipliers = new Dictionary<TimesheetLineType, decimal>
    {
        [TimesheetLineType.Standard] = 1m,
        [TimesheetLineType.Overtime] = 1.5m,
        [TimesheetLineType.SleepIn] = 0.45m,
        [TimesheetLineType.OnCall] = 0.33m,
    };

    public sealed record Week(DateOnly Monday, TimesheetRates Rates, IReadOnlyList<TimesheetHours> Hours, int SplitDays)
    {
        public override string ToString() =>
            $"week of {Monday}, pay now {Rates.PayNow}, changes [{string.Join("; ", Rates.Changes)}], {Rates.Supplier} at {Rates.MarginRate}, hours [{string.Join("; ", Hours)}], split {SplitDays}";
    }

    private static Gen<decimal> Pounds => Gen.Choose(1271, 9000).Select(p => p / 100m);

    private static Gen<Week> Weeks =>
        from weeksIn in Gen.Choose(0, 150)
        let monday = new DateOnly(2026, 1, 5).AddDays(7 * weeksIn)
        from payNow in Pounds
        from changeCount in Gen.Choose(0, 4)
        from offsets in Gen.ArrayOf(Gen.Choose(-3, 10), changeCount)
        from previous in Gen.ArrayOf(Pounds, changeCount)
        from supplier in Gen.Elements(Enum.GetValues<SupplyAgencyKind>())
        from marginBasisPoints in Gen.Choose(0, 2500)
        from onCostChange in Gen.Choose(0, 7)
        from quarterHours in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 60))), 28)
        from split in Gen.Choose(0, 127)
        let changes = offsets.Zip(previous).DistinctBy(c => c.First).Select(c => new RateChangeOn(monday.AddDays(c.First), c.Second)).ToList()
        let rates = new TimesheetRates(
            payNow, changes, supplier, marginBasisPoints / 10_000m,
            day => day < monday.AddDays(onCostChange) ? new OnCostRates(0.1207m, 0.138m, 0.03m, "before") : new OnCostRates(0.1207m, 0.15m, 0.05m, "after"),
            (_, type) => Multipliers[type])
        let hours = quarterHours.Select((q, i) => new TimesheetHours(monday.AddDays(i / 4), (TimesheetLineType)(i % 4), q * 0.25m)).Where(h => h.Hours > 0).ToList()
        select new Week(monday, rates, hours, split);

    [Fact]
    public void Every_part_of_every_line_is_its_hours_times_the_rate_in_force_that_day_to_the_penny_and_the_week_is_their_sum()
    {
        Prop.ForAll(Arb.From(Weeks), week =>
        {
            var lines = week.Rates.Price(week.Hours);
            lines.Select(l => (l.Day, l.Type, l.Hours)).ShouldBe(week.Hours.OrderBy(h => h.Day).ThenBy(h => h.Type).Select(h => (h.Day, h.Type, h.Hours)));
            foreach (var line in lines)
            {
                var expected = HourlyWorkedOutAnotherWay(week, line.Day, line.Type);
                line.Rates.ShouldBe(expected);
                (line.Pay, line.HolidayPay, line.EmployerNationalInsurance, line.EmployerPension, line.Margin).ShouldBe((
                    Math.Round(line.Hours * expected.PayRate, 2, MidpointRounding.AwayFromZero),
                    Math.Round(line.Hours * expected.HolidayPay, 2, MidpointRounding.AwayFromZero),
                    Math.Round(line.Hours * expected.EmployerNationalInsurance, 2, MidpointRounding.AwayFromZero),
                    Math.Round(line.Hours * expected.EmployerPension, 2, MidpointRounding.AwayFromZero),
                    Math.Round(line.Hours * expected.Margin, 2, MidpointRounding.AwayFromZero)));
                line.Charge.ShouldBe(line.Pay + line.HolidayPay + line.EmployerNationalInsurance + line.EmployerPension + line.Margin);
                // Rounded once per part: never more than half a penny a part from the exact product.
                Math.Abs(line.Charge - line.Hours * expected.ChargeRate).ShouldBeLessThanOrEqualTo(0.025m);
            }
        }).Check(Runs);
    }

    [Fact]
    public void Splitting_a_week_into_two_and_pricing_each_comes_to_the_same_pennies_as_the_whole_week()
    {
        Prop.ForAll(Arb.From(Weeks), week =>
        {
            var whole = week.Rates.Price(week.Hours);
            bool InFirstPart(TimesheetHours h) => (week.SplitDays & (1 << h.Day.DayNumber % 7)) != 0;
            var first = week.Rates.Price(week.Hours.Where(InFirstPart));
            var second = week.Rates.Price(week.Hours.Where(h => !InFirstPart(h)));

            Priced(first.Concat(second)).ShouldBe(Priced(whole));
            (first.Sum(l => l.Charge) + second.Sum(l => l.Charge)).ShouldBe(whole.Sum(l => l.Charge));
            (first.Sum(l => l.Pay) + second.Sum(l => l.Pay)).ShouldBe(whole.Sum(l => l.Pay));
        }).Check(Runs);
    }

    [Fact]
    public void However_often_an_approved_week_is_adjusted_its_lines_sum_to_the_last_hours_approved()
    {
        var placement = Placement();
        Prop.ForAll(Arb.From(Weeks), Arb.From(Weeks), Arb.From(Weeks), (first, second, third) =>
        {
            var monday = TimesheetWeek.MondayOf(Clocks.Today.AddDays(-14));
            var approved = Approved(Timesheet.Start(placement, monday, TimesheetEnteredAs.Worker, "worker@test.local").WithId(1), first, monday, null);
            var adjusted = Approved(Timesheet.Adjusting(placement, approved, TimesheetEnteredAs.Recruiter, "recruiter@test.local").WithId(2), second, monday, approved);
            var last = Approved(Timesheet.Adjusting(placement, adjusted, TimesheetEnteredAs.Recruiter, "recruiter@test.local").WithId(3), third, monday, adjusted);

            var all = new[] { approved, adjusted, last }.SelectMany(t => t.Lines).ToList();
            var lastWorked = last.Lines.Where(l => !l.IsReversal).ToList();
            all.Sum(l => l.Charge).ShouldBe(lastWorked.Sum(l => l.Charge));
            all.Sum(l => l.Hours).ShouldBe(last.Hours);
            (approved.Charge + adjusted.Charge + last.Charge).ShouldBe(lastWorked.Sum(l => l.Charge));
            approved.Lines.ShouldAllBe(l => !l.IsReversal);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(20261206UL, 11UL));
    }

    private static Timesheet Approved(Timesheet timesheet, Week week, DateOnly monday, Timesheet? adjusted)
    {
        // The generated week's hours moved onto this Monday and kept within a day and the week's limits.
        var hours = week.Hours.Select(h => h with { Day = monday.AddDays(h.Day.DayNumber - week.Monday.DayNumber) })
            .GroupBy(h => h.Day).SelectMany(day => day.Take(1)).Select(h => h with { Hours = Math.Min(h.Hours, 6m) }).ToList();
        timesheet.Record(hours, new TimesheetLimits(monday.AddDays(-100), monday.AddDays(100), Clocks.Today, true, Multipliers.Keys.ToHashSet()), "worker@test.local", Clocks.Now);
        timesheet.Submit(week.Rates.Price(hours), adjusted, "worker@test.local", Clocks.Now, noHoursWorked: timesheet.Hours == 0);
        timesheet.Approve(week.Rates.Price(hours), adjusted, "manager@test.local", Clocks.Now);
        return timesheet;
    }

    private static Placement Placement() =>
        Domain.Placements.Placement.Book(
            A.Requisition().Open().WithId(10), A.Worker().Build().WithId(20),
            new PlacementBooking(A.Rates(), 37m, Clocks.Today.AddDays(-200), Clocks.Today.AddDays(200)), null, [], "recruiter@test.local", Clocks.Now).WithId(30);

    /// <summary>The rate in force found by walking the changes from the newest back, rather than as the app finds it.</summary>
    private static PlacementRates HourlyWorkedOutAnotherWay(Week week, DateOnly day, TimesheetLineType type)
    {
        var pay = week.Rates.PayNow;
        foreach (var change in week.Rates.Changes.OrderByDescending(c => c.EffectiveFrom))
            if (change.EffectiveFrom > day) pay = change.Previous;
        pay = Money.ToPenny(pay * Multipliers[type]);
        var onCosts = week.Rates.OnCostsOn(day);
        var holiday = Money.ToPenny(pay * onCosts.HolidayPay);
        var ni = Money.ToPenny((pay + holiday) * onCosts.EmployerNationalInsurance);
        var pension = week.Rates.Supplier == SupplyAgencyKind.InHousePool ? Money.ToPenny(pay * onCosts.InHousePoolPension) : 0m;
        var margin = Money.ToPenny((pay + holiday + ni + pension) * week.Rates.MarginRate);
        return new PlacementRates(pay, holiday, ni, pension, margin);
    }

    private static List<(DateOnly, TimesheetLineType, decimal, decimal, decimal)> Priced(IEnumerable<TimesheetLine> lines) =>
        lines.Select(l => (l.Day, l.Type, l.Hours, l.Pay, l.Charge)).Order().ToList();
}
