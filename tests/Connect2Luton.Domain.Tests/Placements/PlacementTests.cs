using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Placements;

public sealed class PlacementTests
{
    private static readonly DateOnly Start = Clocks.Today.AddDays(-30);

    private static Placement Booked(Requisition? requisition = null, PlacementRates? rates = null) =>
        Placement.Book(
            requisition ?? A.Requisition().Open().WithId(10),
            A.Worker().Build().WithId(20),
            new PlacementBooking(rates ?? A.Rates(), 37m, Start, Start.AddDays(26 * 7 - 1)),
            capException: null,
            decisions: [],
            "recruiter@test.local",
            Clocks.Now);

    [Fact]
    public void Placement_cannot_end_before_it_starts()
    {
        var placement = Booked();

        var ending = () => placement.End(Start.AddDays(-1), "Worker left", "recruiter@test.local", Clocks.Now);

        ending.ShouldThrow<DomainRuleException>().Message.ShouldBe("A placement cannot end before it starts.");
        placement.Status.ShouldBe(PlacementStatus.Active);
    }

    [Fact]
    public void Placement_cannot_be_booked_to_end_before_it_starts()
    {
        var booking = () => Placement.Book(A.Requisition().Open().WithId(1), A.Worker().Build().WithId(2),
            new PlacementBooking(A.Rates(), 37m, Start, Start.AddDays(-1)), null, [], "recruiter@test.local", Clocks.Now);

        booking.ShouldThrow<DomainRuleException>().Message.ShouldBe("A placement cannot end before it starts.");
    }

    [Fact]
    public void A_filled_requisition_refuses_another_placement()
    {
        var requisition = A.Requisition().Open().WithId(10);
        Booked(requisition);

        var second = () => Booked(requisition);

        second.ShouldThrow<DomainRuleException>().Message.ShouldBe("This requisition is already filled: it asked for one worker.");
        requisition.Status.ShouldBe(RequisitionStatus.Filled);
        requisition.PositionsFilled.ShouldBe(1);
    }

    [Fact]
    public void A_requisition_for_several_workers_takes_each_and_is_filled_by_the_last()
    {
        var requisition = A.Requisition().ForPositions(3).Open().WithId(10);

        Booked(requisition);
        Booked(requisition);
        requisition.Status.ShouldBe(RequisitionStatus.Open);
        Booked(requisition);

        requisition.Status.ShouldBe(RequisitionStatus.Filled);
        Should.Throw<DomainRuleException>(() => Booked(requisition)).Message.ShouldContain("all 3 positions are taken");
    }

    [Fact]
    public void A_placement_cannot_be_booked_against_a_requisition_that_is_not_open()
    {
        var draft = A.Requisition().Draft().WithId(10);

        Should.Throw<DomainRuleException>(() => Booked(draft)).Message.ShouldBe("Only an open requisition can take a placement; this one is a draft.");
    }

    [Theory]
    [InlineData(-0.01, 0, 0, 0, 0, "The pay rate must be more than zero.")]
    [InlineData(30, -1, 0, 0, 0, "Holiday pay cannot be negative.")]
    [InlineData(30, 0, -1, 0, 0, "Employer National Insurance cannot be negative.")]
    [InlineData(30, 0, 0, -1, 0, "The employer pension contribution cannot be negative.")]
    [InlineData(30, 0, 0, 0, -0.5, "The margin cannot be negative.")]
    public void Money_is_never_negative(decimal pay, decimal holiday, decimal ni, decimal pension, decimal margin, string message)
    {
        var rates = () => new PlacementRates(pay, holiday, ni, pension, margin);

        rates.ShouldThrow<DomainRuleException>().Message.ShouldBe(message);
    }

    [Fact]
    public void The_charge_rate_is_pay_plus_on_costs_plus_margin()
    {
        var rates = new PlacementRates(32.00m, 3.86m, 4.80m, 0.96m, 2.40m);

        rates.OnCosts.ShouldBe(9.62m);
        rates.ChargeRate.ShouldBe(44.02m);
    }

    [Fact]
    public void The_committed_week_is_the_rates_times_the_hours_and_follows_a_rate_change()
    {
        var placement = Booked(rates: new PlacementRates(32.00m, 3.86m, 4.80m, 0.96m, 2.40m));

        placement.CommittedWeek.Charge.ShouldBe(1_628.74m);              // 44.02 x 37
        placement.CommittedWeek.Margin.ShouldBe(88.80m);                 // 2.40 x 37
        placement.CommittedWeek.PayAndStatutoryCosts.ShouldBe(1_504.42m); // (32.00 + 3.86 + 4.80) x 37

        placement.ChangeRates(new PlacementRates(34.00m, 4.10m, 5.10m, 1.02m, 2.55m), Start.AddDays(7), "Pay award", null, null, "r", Clocks.Now);

        placement.CommittedWeek.Charge.ShouldBe(1_730.49m);              // 46.77 x 37
        placement.CommittedWeek.Margin.ShouldBe(94.35m);
        placement.CommittedWeek.PayAndStatutoryCosts.ShouldBe(1_598.40m); // 43.20 x 37
    }

    [Fact]
    public void An_extension_must_run_past_the_planned_end_and_keeps_the_previous_end()
    {
        var placement = Booked();
        var plannedEnd = placement.PlannedEndDate;

        Should.Throw<DomainRuleException>(() => placement.Extend(plannedEnd, "More cover", "Head of service", null, null, "r", Clocks.Now))
            .Message.ShouldStartWith("An extension must run past the current planned end");
        placement.Extend(plannedEnd.AddDays(91), "Permanent recruitment still under way", "Jo Bloggs", null, null, "r", Clocks.Now);

        placement.PlannedEndDate.ShouldBe(plannedEnd.AddDays(91));
        var extension = placement.Extensions.ShouldHaveSingleItem();
        extension.PreviousEndDate.ShouldBe(plannedEnd);
        extension.ApprovedBy.ShouldBe("Jo Bloggs");
    }

    [Fact]
    public void A_rate_above_its_cap_goes_on_the_register_only_with_its_approvers()
    {
        var placement = Placement.Book(A.Requisition().Open().WithId(1), A.Worker().Build().WithId(2),
            new PlacementBooking(A.Rates(45m), 37m, Start, Start.AddDays(90)),
            new CapExceptionApproval("A. Director (DCS); B. Chief (Chief Executive)", "No other worker for this caseload", 38m, 45m),
            [], "recruiter@test.local", Clocks.Now);

        var exception = placement.CapExceptions.ShouldHaveSingleItem();
        exception.Cap.ShouldBe(38m);
        exception.PayRate.ShouldBe(45m);
        exception.Measured.ShouldBe(45m);
        Should.Throw<DomainRuleException>(() => Placement.Book(A.Requisition().Open().WithId(3), A.Worker().Build().WithId(4),
                new PlacementBooking(A.Rates(30m), 37m, Start, Start.AddDays(90)),
                new CapExceptionApproval("Someone", "Not needed", 38m, 30m), [], "r", Clocks.Now))
            .Message.ShouldBe("A cap exception is only recorded for a rate above its cap.");
    }

    [Fact]
    public void Converting_ends_the_placement_the_day_before_the_permanent_post_starts()
    {
        var placement = Booked();

        placement.ConvertToPermanent(Clocks.Today.AddDays(7), "recruiter@test.local", Clocks.Now);

        placement.Status.ShouldBe(PlacementStatus.Converted);
        placement.ActualEndDate.ShouldBe(Clocks.Today.AddDays(6));
        Should.Throw<DomainRuleException>(() => placement.Extend(placement.PlannedEndDate.AddDays(7), "r", "a", null, null, "r", Clocks.Now))
            .Message.ShouldBe("A placement that is converted cannot be extended.");
    }

    [Fact]
    public void Days_served_count_from_the_start_to_today_or_the_end_if_earlier()
    {
        var placement = Booked();

        placement.DaysServed(Start).ShouldBe(1);
        placement.DaysServed(Start.AddDays(83)).ShouldBe(84);
        placement.DaysServed(Start.AddDays(-5)).ShouldBe(0);
        placement.DaysServed(placement.PlannedEndDate.AddDays(100)).ShouldBe(26 * 7);
    }
}
