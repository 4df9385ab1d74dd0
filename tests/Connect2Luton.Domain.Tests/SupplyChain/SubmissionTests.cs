using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.SupplyChain;

public sealed class SubmissionTests
{
    private static Submission Received() =>
        new(7, 3, SupplyAgencyKind.LocalSupportingAgency, 40, "staff@agency.test", Clocks.Now, Clocks.Now.AddDays(14));

    [Fact]
    public void A_candidate_declined_keeps_the_reason_the_agency_sees_and_can_no_longer_be_withdrawn()
    {
        var submission = Received();

        submission.Decline("Needs two years' child protection experience", "recruiter@test.local", Clocks.Now.AddDays(1));

        submission.Status.ShouldBe(SubmissionStatus.NotTakenForward);
        submission.Reason.ShouldBe("Needs two years' child protection experience");
        Should.Throw<DomainRuleException>(() => submission.Withdraw(null, "staff@agency.test", Clocks.Now.AddDays(2)));
        // Declined is not withdrawn: the agency still owns the candidate for this role until its period runs out.
        submission.OwnsCandidateAt(Clocks.Now.AddDays(13)).ShouldBeTrue();
        submission.OwnsCandidateAt(Clocks.Now.AddDays(14)).ShouldBeFalse();
    }

    [Fact]
    public void A_withdrawn_submission_no_longer_owns_the_candidate_so_its_claim_passes_to_the_next_agency()
    {
        var first = Received();
        var claim = new CandidateClaim(7, new string('a', 64), first);
        var second = new Submission(7, 5, SupplyAgencyKind.ExternalAgency, 41, "staff@other.test", Clocks.Now.AddHours(1), Clocks.Now.AddDays(15));

        Should.Throw<DomainRuleException>(() => claim.PassTo(second, Clocks.Now.AddHours(1))).Message.ShouldBe("This person is already put forward for this role.");
        first.Withdraw("Took another job", "staff@agency.test", Clocks.Now.AddHours(2));
        claim.PassTo(second, Clocks.Now.AddHours(2));

        claim.Submission.ShouldBeSameAs(second);
    }

    [Fact]
    public void Two_agencies_records_of_one_person_share_a_key_however_each_wrote_their_phone_and_name()
    {
        static Worker Record(string first, string last, string email, string phone, DateOnly born) =>
            new(new WorkerProfile(first, last, email, phone, UkPostcode.Parse("LU1 3JH"), JobFamily.SocialCare, 3, null, false, null, born), Clocks.Now);

        var one = CandidateKeys.Of(Record("Siobhán", "O'Brien", "s.obrien@example.org", "+44 7700 900123", new DateOnly(1990, 2, 1)));
        var byPhone = CandidateKeys.Of(Record("Sam", "Other", "other@example.org", "07700900123", new DateOnly(1985, 1, 1)));
        var byName = CandidateKeys.Of(Record("SIOBHAN", "OBrien", "different@example.org", "01582 000000", new DateOnly(1990, 2, 1)));
        var stranger = CandidateKeys.Of(Record("Siobhan", "OBrien", "x@example.org", "01582 111111", new DateOnly(1991, 2, 1)));

        one.Intersect(byPhone).ShouldHaveSingleItem();
        one.Intersect(byName).ShouldNotBeEmpty();
        one.Intersect(stranger).ShouldBeEmpty();
        one.ShouldAllBe(k => k.Length == 64);
    }

    [Theory]
    [InlineData("O'Neill-Smith", "Zoe")]
    [InlineData("Zoe O'Neill", "Smith")]
    [InlineData("Z\u043e\u0435", "O'Neill-Smith")]
    [InlineData("ZOE", "\u041e'Neill Smith")]
    public void One_person_is_recognised_by_name_and_date_of_birth_however_the_name_is_split_ordered_or_spelt_in_look_alike_letters(string first, string last)
    {
        static IReadOnlyList<string> Keys(string first, string last, string email, DateOnly born) =>
            CandidateKeys.Of(new Worker(new WorkerProfile(first, last, email, null, UkPostcode.Parse("LU1 3JH"), JobFamily.SocialCare, 3, null, false, null, born), Clocks.Now));
        var born = new DateOnly(1992, 4, 3);
        var wardowns = Keys("Zoë", "O'Neill-Smith", "zoe@wardown.example", born);

        Keys(System.Text.RegularExpressions.Regex.Unescape(first), System.Text.RegularExpressions.Regex.Unescape(last), "zoe@chiltern.example", born).Intersect(wardowns).ShouldNotBeEmpty();
        Keys("Zoe", "O'Neill-Smyth", "zoe@chiltern.example", born).Intersect(wardowns).ShouldBeEmpty("another name is another person");
        Keys("Zoe", "O'Neill-Smith", "zoe@chiltern.example", born.AddDays(1)).Intersect(wardowns).ShouldBeEmpty("another birthday is another person");
    }
}
