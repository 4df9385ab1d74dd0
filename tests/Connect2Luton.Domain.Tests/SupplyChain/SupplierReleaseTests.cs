using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.SupplyChain;

public sealed class SupplierReleaseTests
{
    private static readonly AgencyProfile LocalOnDps = new(SupplyAgencyKind.LocalSupportingAgency, OnDps: true, ConfirmsDfeAgencyRules: true);
    private static readonly AgencyProfile LocalOffDps = new(SupplyAgencyKind.LocalSupportingAgency, OnDps: false, ConfirmsDfeAgencyRules: false);

    [Fact]
    public void Releasing_again_reaches_only_kinds_of_agency_not_reached_before_and_records_nothing_when_none_are_new()
    {
        var release = new SupplierRelease(7);

        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(LocalOnDps, 40)], "system", Clocks.Now, "v1").ShouldBe([LocalOnDps]);
        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(LocalOnDps, 41)], "system", Clocks.Now.AddMinutes(15), "v1").ShouldBeEmpty();
        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(LocalOnDps, 41), new(LocalOffDps, 3)], "system", Clocks.Now.AddMinutes(30), "v1").ShouldBe([LocalOffDps]);

        release.Steps.Select(s => s.AgencyCount).ShouldBe([40, 3]);
        release.Profiles.Select(p => p.Profile).ShouldBe([LocalOnDps, LocalOffDps]);
        release.ReleasedToTierAt(SupplyAgencyKind.LocalSupportingAgency).ShouldBe(Clocks.Now);
    }

    [Fact]
    public void The_in_house_pool_is_recorded_once_though_it_has_no_agency_to_reach()
    {
        var release = new SupplierRelease(7);

        release.Release(SupplyAgencyKind.InHousePool, [new(AgencyProfile.InHousePool, 0)], "system", Clocks.Now, "v1");
        release.Release(SupplyAgencyKind.InHousePool, [new(AgencyProfile.InHousePool, 0)], "system", Clocks.Now.AddHours(1), "v1");

        release.Steps.ShouldHaveSingleItem().Tier.ShouldBe(SupplyAgencyKind.InHousePool);
        release.IsReleasedToTier(SupplyAgencyKind.ExternalAgency).ShouldBeFalse();
    }

    [Fact]
    public void A_held_requisition_is_not_released_by_the_schedule_until_the_hold_is_lifted_or_a_recruiter_releases_early()
    {
        var release = new SupplierRelease(7);
        release.Hold("recruiter@test.local", Clocks.Now, "Interviewing an in-house worker on Monday");

        release.Release(SupplyAgencyKind.LocalSupportingAgency, [new(LocalOnDps, 40)], "system", Clocks.Now.AddHours(1), "v1").ShouldBeEmpty();
        Should.Throw<DomainRuleException>(() => release.Hold("recruiter@test.local", Clocks.Now, "again"));

        release.ReleaseEarly(SupplyAgencyKind.LocalSupportingAgency, [new(LocalOnDps, 40)], "recruiter@test.local", Clocks.Now.AddHours(2), "The in-house worker declined").ShouldBe([LocalOnDps]);

        release.IsHeld.ShouldBeFalse();
        release.Steps.Select(s => s.Kind).ShouldBe([ReleaseStepKind.Held, ReleaseStepKind.HoldLifted, ReleaseStepKind.ReleasedEarly]);
        Should.Throw<DomainRuleException>(() => release.ReleaseEarly(SupplyAgencyKind.LocalSupportingAgency, [new(LocalOnDps, 40)], "recruiter@test.local", Clocks.Now, "again"))
            .Message.ShouldContain("already been released");
    }
}
