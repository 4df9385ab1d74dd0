using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Imports;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SignOffs;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Imports;

/// <summary>
/// What a file brought in becomes: workers who keep the reference they came with, a requisition already approved and
/// open for each live placement, and placements over their cap whose sign-offs given before are recorded as given.
/// </summary>
public sealed class BroughtInTests
{
    private const string Admin = "admin@test.local";
    private const string BothPosts = "Director of Children's Services; Chief Executive";
    private static readonly DateOnly Started = Clocks.Today.AddDays(-60);

    private static Requisition BroughtIn() =>
        Requisition.ForPlacementBroughtIn(A.Requisition().Starting(Started).Details(), 1, "placements.csv", Admin, Clocks.Now).WithId(1);

    private static Placement OverTheCap(params SignOffGivenElsewhere[] signed) =>
        Placement.BringIn(BroughtIn(), A.Worker().Build().WithId(2), new PlacementBooking(A.Rates(45m), 37m, Started, Started.AddDays(120)),
            new CapExceptionApproval(BothPosts, "Brought in over its cap", 38m, 45m), signed, [], "P-0042", "placements.csv", Admin, Clocks.Now);

    [Fact]
    public void A_requisition_brought_in_with_a_placement_is_approved_and_open_for_that_one_worker_and_says_where_it_came_from()
    {
        var requisition = BroughtIn();

        requisition.Status.ShouldBe(RequisitionStatus.Open);
        requisition.CanTakePlacement.ShouldBeTrue();
        requisition.Events.Select(e => e.To).ShouldBe([RequisitionStatus.Draft, RequisitionStatus.Submitted, RequisitionStatus.Approved, RequisitionStatus.Open]);
        requisition.Events.First().Note.ShouldBe("Brought in with a live placement from placements.csv");
        Should.Throw<DomainRuleException>(() => Requisition.ForPlacementBroughtIn(A.Requisition().ForPositions(2).Details(), 1, "placements.csv", Admin, Clocks.Now));
    }

    [Fact]
    public void A_placement_over_its_cap_with_every_sign_off_given_before_is_live_and_keeps_who_signed_and_when()
    {
        var signedOn = Clocks.Now.AddDays(-61);
        var placement = OverTheCap(new SignOffGivenElsewhere("Director of Children's Services", "Helen Okafor", signedOn), new SignOffGivenElsewhere("chief executive", "Robin Porter", signedOn));

        placement.Status.ShouldBe(PlacementStatus.Active);
        placement.ExternalReference.ShouldBe("P-0042");
        placement.StartDate.ShouldBe(Started, "it was running before it was brought in");
        placement.CapExceptions.ShouldHaveSingleItem();
        placement.SignOffs.ShouldAllBe(s => s.State == SignOffState.Given && s.DecidedBy == null && s.DecidedAt == signedOn);
        placement.SignOffs.Select(s => s.DecidedByName).ShouldBe(["Helen Okafor", "Robin Porter"]);
        placement.SignOffs.First().Note.ShouldBe("Signed off before the placement was brought in from placements.csv");
    }

    [Fact]
    public void A_placement_over_its_cap_without_its_sign_offs_waits_for_them_and_keeps_its_real_start_when_signed()
    {
        var placement = OverTheCap(new SignOffGivenElsewhere("Director of Children's Services", "Helen Okafor", Clocks.Now.AddDays(-61)));
        placement.Status.ShouldBe(PlacementStatus.AwaitingSignOff, "the Chief Executive has not signed");

        var waiting = placement.SignOffs.Single(s => s.State == SignOffState.Awaiting);
        placement.GiveSignOff(waiting, new PositionHolder("ce@test.local", "Robin Porter"), null, Clocks.Today, Clocks.Now);

        placement.Status.ShouldBe(PlacementStatus.Active);
        placement.StartDate.ShouldBe(Started);
        Should.Throw<DomainRuleException>(() => OverTheCap(new SignOffGivenElsewhere("Director of HR", "Priya Shah", Clocks.Now)))
            .Message.ShouldBe("This booking needs no sign-off from the Director of HR.");
    }

    [Fact]
    public void A_worker_keeps_the_reference_they_were_brought_in_with()
    {
        var worker = A.Worker().Build();
        worker.RecordExternalReference(" W-0001 ");
        worker.ExternalReference.ShouldBe("W-0001");
        worker.RecordExternalReference("w-0001");
        Should.Throw<DomainRuleException>(() => worker.RecordExternalReference("W-0002"));
    }

    [Fact]
    public void An_imported_file_lets_go_of_its_content_and_is_imported_once()
    {
        var upload = new ImportUpload(ImportKind.Workers, "workers.csv", [1, 2, 3], new string('a', 64), Admin, Clocks.Now);
        upload.MarkImported("3 workers added", Admin, Clocks.Now);

        upload.Content.ShouldBeEmpty();
        upload.IsImported.ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => upload.MarkImported("again", Admin, Clocks.Now));
        Should.Throw<DomainRuleException>(() => new ImportUpload(ImportKind.Workers, "empty.csv", [], new string('a', 64), Admin, Clocks.Now));
    }
}
