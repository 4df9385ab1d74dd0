using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Placements;

public sealed class BookingComplianceTests
{
    private static readonly DateOnly Start = new(2026, 12, 7);

    [Fact]
    public void A_registration_that_ends_before_the_start_refuses_the_booking_and_one_ending_before_the_planned_end_warns()
    {
        var worker = A.Worker().WithChecks().Build();
        worker.RecordRegistration(new ProfessionalRegistration(JobRoles.RegistrationBody.SocialWorkEngland, "SW123456", Start.AddDays(30)));
        var role = A.SocialWorkerRole();

        BookingCompliance.Refusals(worker, role, Start).ShouldBeEmpty();
        BookingCompliance.Warnings(worker, role, Start, Start.AddDays(90)).ShouldHaveSingleItem().ShouldContain("registration ends on 6 January 2027");
        BookingCompliance.Refusals(worker, role, Start.AddDays(31)).ShouldHaveSingleItem().ShouldContain("Social Work England registration ends on 6 January 2027, before the start");
        BookingCompliance.Refusals(worker, A.Role(), Start.AddDays(31)).ShouldBeEmpty("a role that needs no registration does not ask for one");
    }

    [Fact]
    public void A_worker_with_no_right_to_work_recorded_cannot_be_booked()
    {
        var worker = A.Worker().Build();

        BookingCompliance.Refusals(worker, A.Role(), Start).ShouldHaveSingleItem().ShouldContain("no right-to-work check recorded");
    }
}

public sealed class RateInForceTests
{
    [Fact]
    public void The_rate_on_a_day_is_the_one_the_next_change_replaced_or_the_rate_now_when_none_came_after()
    {
        // £30 from the start, £32 from 1 March, £35 from 1 June: £35 now.
        RateChangeOn[] changes = [new(new DateOnly(2026, 6, 1), 32m), new(new DateOnly(2026, 3, 1), 30m)];

        RateInForce.On(new DateOnly(2026, 1, 15), 35m, changes).ShouldBe(30m);
        RateInForce.On(new DateOnly(2026, 2, 28), 35m, changes).ShouldBe(30m);
        RateInForce.On(new DateOnly(2026, 3, 1), 35m, changes).ShouldBe(32m);
        RateInForce.On(new DateOnly(2026, 6, 1), 35m, changes).ShouldBe(35m);
        RateInForce.On(new DateOnly(2026, 6, 1), 35m, []).ShouldBe(35m);
    }
}
