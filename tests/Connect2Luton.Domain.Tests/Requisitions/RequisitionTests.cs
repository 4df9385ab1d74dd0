using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Requisitions;

public sealed class RequisitionTests
{
    [Fact]
    public void A_requisition_moves_from_draft_to_open_recording_who_took_each_step()
    {
        var requisition = A.Requisition().Draft();

        requisition.Submit("manager@test.local", Clocks.Now.AddHours(1));
        requisition.Approve("head@test.local", Clocks.Now.AddHours(2));
        requisition.Open("recruiter@test.local", Clocks.Now.AddHours(3));

        requisition.Status.ShouldBe(RequisitionStatus.Open);
        requisition.Events.Select(e => (e.From, e.To, e.By)).ShouldBe(
        [
            (null, RequisitionStatus.Draft, "manager@test.local"),
            (RequisitionStatus.Draft, RequisitionStatus.Submitted, "manager@test.local"),
            (RequisitionStatus.Submitted, RequisitionStatus.Approved, "head@test.local"),
            (RequisitionStatus.Approved, RequisitionStatus.Open, "recruiter@test.local"),
        ]);
    }

    [Fact]
    public void A_draft_cannot_be_approved_or_opened()
    {
        var requisition = A.Requisition().Draft();

        Should.Throw<DomainRuleException>(() => requisition.Approve("head@test.local", Clocks.Now))
            .Message.ShouldBe("A requisition that is a draft cannot be approved.");
        Should.Throw<DomainRuleException>(() => requisition.Open("recruiter@test.local", Clocks.Now))
            .Message.ShouldBe("A requisition that is a draft cannot be opened.");
        requisition.Status.ShouldBe(RequisitionStatus.Draft);
    }

    [Fact]
    public void A_rejected_requisition_keeps_the_reason_and_can_be_revised_and_resubmitted()
    {
        var requisition = A.Requisition().Draft();
        requisition.Submit("manager@test.local", Clocks.Now);

        requisition.Reject("head@test.local", Clocks.Now, "Budget not confirmed");
        requisition.Revise(A.Requisition().ForPositions(2).Details(), "manager@test.local", Clocks.Now);
        requisition.Submit("manager@test.local", Clocks.Now);

        requisition.Status.ShouldBe(RequisitionStatus.Submitted);
        requisition.Positions.ShouldBe(2);
        requisition.Events.ShouldContain(e => e.To == RequisitionStatus.Rejected && e.Note == "Budget not confirmed");
    }

    [Fact]
    public void Rejecting_or_cancelling_needs_a_reason()
    {
        var requisition = A.Requisition().Draft();
        requisition.Submit("manager@test.local", Clocks.Now);

        Should.Throw<DomainRuleException>(() => requisition.Reject("head@test.local", Clocks.Now, " "))
            .Message.ShouldBe("The reason for rejecting is required.");
        Should.Throw<DomainRuleException>(() => requisition.Cancel("head@test.local", Clocks.Now, ""))
            .Message.ShouldBe("The reason for cancelling is required.");
    }

    [Fact]
    public void An_open_requisition_cannot_be_revised()
    {
        var requisition = A.Requisition().Open();

        Should.Throw<DomainRuleException>(() => requisition.Revise(A.Requisition().Details(), "manager@test.local", Clocks.Now))
            .Message.ShouldBe("A requisition that is open cannot be changed.");
    }

    [Fact]
    public void A_requisition_cannot_end_before_it_starts_or_ask_for_no_one()
    {
        var details = A.Requisition().Details();

        Should.Throw<DomainRuleException>(() => Requisition.Raise(details with { EndDate = details.StartDate.AddDays(-1) }, 1, "m", Clocks.Now))
            .Message.ShouldBe("A requisition cannot end before it starts.");
        Should.Throw<DomainRuleException>(() => Requisition.Raise(details with { Positions = 0 }, 1, "m", Clocks.Now))
            .Message.ShouldBe("The number of workers must be more than zero.");
        Should.Throw<DomainRuleException>(() => Requisition.Raise(details with { MaximumPayRate = -1m }, 1, "m", Clocks.Now))
            .Message.ShouldBe("The maximum pay rate must be more than zero.");
    }

    [Fact]
    public void A_worker_is_shortlisted_once_and_can_be_put_back_after_removal()
    {
        var requisition = A.Requisition().Open();
        requisition.AddToShortlist(7, "Local", 30, null, "recruiter@test.local", Clocks.Now);

        Should.Throw<DomainRuleException>(() => requisition.AddToShortlist(7, "Local", 30, null, "recruiter@test.local", Clocks.Now))
            .Message.ShouldBe("This worker is already on the shortlist.");
        requisition.RemoveFromShortlist(7, "recruiter@test.local", Clocks.Now, "Not available until March");
        requisition.AddToShortlist(7, "Local", 40, null, "recruiter@test.local", Clocks.Now);

        var entry = requisition.Shortlist.ShouldHaveSingleItem();
        entry.Status.ShouldBe(ShortlistEntryStatus.Shortlisted);
        entry.PreferencePoints.ShouldBe(40);
    }
}
