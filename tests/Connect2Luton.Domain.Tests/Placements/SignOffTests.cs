using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SignOffs;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Placements;

public sealed class SignOffTests
{
    private const string Recruiter = "recruiter@test.local";
    private static readonly DateOnly Start = Clocks.Today.AddDays(14);
    private static readonly PositionHolder Director = new("dcs@test.local", "Helen Okafor");
    private static readonly PositionHolder Chief = new("ce@test.local", "Robin Porter");

    private static (Placement Placement, Requisition Requisition) OverTheCap()
    {
        var requisition = A.Requisition().Open().WithId(1);
        requisition.AddToShortlist(2, "Local", 10, null, Recruiter, Clocks.Now);
        var placement = Placement.Book(requisition, A.Worker().Build().WithId(2),
            new PlacementBooking(A.Rates(45m), 37m, Start, Start.AddDays(90)),
            new CapExceptionApproval("Director of Children's Services; Chief Executive", "No other worker for this caseload", 38m, 45m),
            [], Recruiter, Clocks.Now);
        return (placement, requisition);
    }

    private static SignOff For(Placement placement, string post) => placement.SignOffs.Single(s => s.Position == post && s.State == SignOffState.Awaiting);

    [Fact]
    public void A_booking_over_its_cap_waits_for_every_post_the_rule_names_and_starts_when_the_last_has_signed()
    {
        var (placement, _) = OverTheCap();
        placement.Status.ShouldBe(PlacementStatus.AwaitingSignOff);
        placement.SignOffs.Select(s => s.Position).ShouldBe(["Director of Children's Services", "Chief Executive"]);

        placement.GiveSignOff(For(placement, "Director of Children's Services"), Director, null, Clocks.Today, Clocks.Now);
        placement.Status.ShouldBe(PlacementStatus.AwaitingSignOff);
        placement.GiveSignOff(For(placement, "Chief Executive"), Chief, "Review at 13 weeks", Clocks.Today, Clocks.Now.AddHours(2));

        placement.Status.ShouldBe(PlacementStatus.Active);
        placement.StartDate.ShouldBe(Start);
        placement.SignOffs.ShouldAllBe(s => s.State == SignOffState.Given);
        placement.SignOffs.Last().DecidedByName.ShouldBe("Robin Porter");
        placement.SignOffs.Last().Note.ShouldBe("Review at 13 weeks");
    }

    [Fact]
    public void Nobody_signs_off_their_own_request_or_signs_for_two_posts_on_one_request()
    {
        var (placement, _) = OverTheCap();

        Should.Throw<DomainRuleException>(() => placement.GiveSignOff(For(placement, "Chief Executive"), new PositionHolder("RECRUITER@test.local", "Amira Hussain"), null, Clocks.Today, Clocks.Now))
            .Message.ShouldBe("You asked for this, so you cannot sign it off: someone else who holds the post of Chief Executive must.");
        placement.GiveSignOff(For(placement, "Director of Children's Services"), Director, null, Clocks.Today, Clocks.Now);
        Should.Throw<DomainRuleException>(() => placement.GiveSignOff(For(placement, "Chief Executive"), Director, null, Clocks.Today, Clocks.Now))
            .Message.ShouldBe("You have signed this off already, for the Director of Children's Services: the Chief Executive must be signed for by someone else.");
        placement.Status.ShouldBe(PlacementStatus.AwaitingSignOff);
    }

    [Fact]
    public void A_declined_booking_is_called_off_and_gives_its_position_back_with_the_worker_on_the_shortlist_again()
    {
        var (placement, requisition) = OverTheCap();
        requisition.Status.ShouldBe(RequisitionStatus.Filled);

        placement.DeclineSignOff(For(placement, "Chief Executive"), Chief, "Go back to the in-house pool first", requisition, Clocks.Now);

        placement.Status.ShouldBe(PlacementStatus.Cancelled);
        placement.EndReason.ShouldBe("Declined at sign-off by Robin Porter for the Chief Executive");
        placement.SignOffs.Single(s => s.Position == "Director of Children's Services").State.ShouldBe(SignOffState.Withdrawn);
        requisition.Status.ShouldBe(RequisitionStatus.Open);
        requisition.PositionsFilled.ShouldBe(0);
        requisition.Shortlist.Single(e => e.WorkerId == 2).Status.ShouldBe(ShortlistEntryStatus.Shortlisted);
        Should.Throw<DomainRuleException>(() => placement.DeclineSignOff(placement.SignOffs.First(), Director, "Too late", requisition, Clocks.Now));
    }

    [Fact]
    public void A_booking_waiting_for_sign_off_can_be_called_off_even_past_its_start_date_and_gives_its_position_back()
    {
        var (placement, requisition) = OverTheCap();

        placement.Cancel(Start.AddDays(5), "The worker took another post", requisition, Recruiter, Clocks.Now);

        placement.Status.ShouldBe(PlacementStatus.Cancelled);
        placement.SignOffs.ShouldAllBe(s => s.State == SignOffState.Withdrawn);
        (requisition.Status, requisition.PositionsFilled).ShouldBe((RequisitionStatus.Open, 0));
        requisition.Shortlist.Single().Status.ShouldBe(ShortlistEntryStatus.Shortlisted);
    }

    [Fact]
    public void Signed_off_after_its_start_date_a_booking_starts_that_day_and_after_its_end_it_cannot_be_signed()
    {
        var (late, _) = OverTheCap();
        late.GiveSignOff(For(late, "Director of Children's Services"), Director, null, Start.AddDays(3), Clocks.Now);
        late.GiveSignOff(For(late, "Chief Executive"), Chief, null, Start.AddDays(3), Clocks.Now);
        late.StartDate.ShouldBe(Start.AddDays(3));

        var (lapsed, _) = OverTheCap();
        lapsed.GiveSignOff(For(lapsed, "Director of Children's Services"), Director, null, Start.AddDays(91), Clocks.Now);
        Should.Throw<DomainRuleException>(() => lapsed.GiveSignOff(For(lapsed, "Chief Executive"), Chief, null, Start.AddDays(91), Clocks.Now))
            .Message.ShouldStartWith("The booked dates ended on");
        lapsed.Status.ShouldBe(PlacementStatus.AwaitingSignOff);
    }

    [Fact]
    public void An_extension_past_the_limit_takes_effect_only_once_signed_off_and_a_declined_one_leaves_the_end_as_it_was()
    {
        var placement = Placement.Book(A.Requisition().Open().WithId(1), A.Worker().Build().WithId(2),
            new PlacementBooking(A.Rates(), 37m, Clocks.Today.AddDays(-300), Clocks.Today.AddDays(30)), null, [], Recruiter, Clocks.Now);
        var end = placement.PlannedEndDate;

        placement.Extend(end.AddDays(120), "Court work continues", "Jo Bloggs", "Head of Service; Director of HR", null, Recruiter, Clocks.Now);
        placement.PlannedEndDate.ShouldBe(end);
        placement.PendingExtension.ShouldNotBeNull().Status.ShouldBe(ExtensionStatus.AwaitingSignOff);
        placement.ApprovedBeyondLengthLimit.ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => placement.Extend(end.AddDays(30), "Shorter", "Jo Bloggs", null, null, Recruiter, Clocks.Now))
            .Message.ShouldStartWith("An extension to");

        placement.GiveSignOff(For(placement, "Head of Service"), new PositionHolder("head@test.local", "Sam Head"), null, Clocks.Today, Clocks.Now);
        placement.GiveSignOff(For(placement, "Director of HR"), new PositionHolder("hr@test.local", "Priya Shah"), null, Clocks.Today, Clocks.Now);
        placement.PlannedEndDate.ShouldBe(end.AddDays(120));
        placement.ApprovedBeyondLengthLimit.ShouldBeTrue();

        placement.Extend(end.AddDays(200), "Still needed", "Jo Bloggs", "Head of Service; Director of HR", null, Recruiter, Clocks.Now);
        placement.DeclineSignOff(For(placement, "Director of HR"), new PositionHolder("hr@test.local", "Priya Shah"), "Recruit permanently", null, Clocks.Now);
        placement.PlannedEndDate.ShouldBe(end.AddDays(120));
        placement.Extensions.Last().Status.ShouldBe(ExtensionStatus.Declined);
        placement.PendingExtension.ShouldBeNull();
    }

    [Fact]
    public void Ending_a_placement_withdraws_an_extension_still_waiting_for_sign_off()
    {
        var placement = Placement.Book(A.Requisition().Open().WithId(1), A.Worker().Build().WithId(2),
            new PlacementBooking(A.Rates(), 37m, Clocks.Today.AddDays(-300), Clocks.Today.AddDays(30)), null, [], Recruiter, Clocks.Now);
        placement.Extend(placement.PlannedEndDate.AddDays(120), "Court work continues", "Jo Bloggs", "Head of Service", null, Recruiter, Clocks.Now);

        placement.End(Clocks.Today, "Worker left", Recruiter, Clocks.Now);

        placement.SignOffs.ShouldHaveSingleItem().State.ShouldBe(SignOffState.Withdrawn);
        placement.Extensions.ShouldHaveSingleItem().Status.ShouldBe(ExtensionStatus.Withdrawn);
    }
}
