using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Tests.Policies;

public sealed class PolicyFactsTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(6, 1)]
    [InlineData(82, 11)]
    [InlineData(83, 12)]
    [InlineData(84, 12)]
    public void Completed_weeks_count_seven_days_from_the_first_day(int daysAfterStart, int weeks)
    {
        PlacementCalendar.CompletedWeeks(Start, Start.AddDays(daysAfterStart)).ShouldBe(weeks);
        PlacementCalendar.CompletedWeeks(Start, Start.AddDays(-1)).ShouldBe(0);
    }

    [Theory]
    [InlineData(181, 26)]
    [InlineData(182, 27)]
    [InlineData(0, 1)]
    public void A_booking_counts_every_week_it_touches(int lastDayAfterStart, int weeks) =>
        PlacementCalendar.WeeksSpanned(Start, Start.AddDays(lastDayAfterStart)).ShouldBe(weeks);

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 1)]
    [InlineData("2026-01-15", "2026-07-14", 5)]
    [InlineData("2026-01-15", "2026-07-15", 6)]
    [InlineData("2025-11-23", "2026-11-23", 12)]
    public void Whole_months_are_calendar_months(string from, string to, int months) =>
        PlacementCalendar.WholeMonths(DateOnly.Parse(from), DateOnly.Parse(to)).ShouldBe(months);

    [Fact]
    public void Pay_rate_facts_carry_the_role_area_supplier_and_rates()
    {
        var facts = PolicyFacts.PayRate(A.SocialWorkerRole(), A.ServiceArea(), Domain.SupplyAgencies.SupplyAgencyKind.InHousePool,
            A.Rates(32m), 37m, Clocks.Today);

        facts.DfeRoleType.ShouldBe("SocialWorker");
        facts.JobFamily.ShouldBe("SocialCare");
        facts.IsChildrensServices.ShouldBeTrue();
        facts.PayRate.ShouldBe(32m);
        facts.SupplierKind.ShouldBe("InHousePool");
    }

    [Fact]
    public void Conversion_facts_read_the_workers_checks_on_the_day()
    {
        var worker = A.Worker().Build();
        worker.RecordRightToWork(new RightToWorkCheck(Clocks.Today.AddYears(-1), Clocks.Today.AddDays(-1)));
        worker.RecordDbs(new DbsCheck(Clocks.Today.AddMonths(-40), DbsLevel.EnhancedWithBarredLists, "123456789012", true, Clocks.Today.AddMonths(-2)));
        worker.RecordRegistration(new ProfessionalRegistration(RegistrationBody.SocialWorkEngland, "SW123456", Clocks.Today));
        var requisition = A.Requisition().Draft();

        var facts = PolicyFacts.Conversion(requisition, worker, A.SocialWorkerRole(), Clocks.Today.AddDays(-100), Clocks.Today.AddDays(-2), Clocks.Today);

        facts.ContinuousWeeks.ShouldBe(14);
        facts.FeeFreeFrom.ShouldBe(Clocks.Today.AddDays(-2));
        PolicyFacts.Conversion(requisition, worker, A.SocialWorkerRole(), Clocks.Today.AddDays(-97), Clocks.Today.AddDays(1), Clocks.Today)
            .ContinuousWeeks.ShouldBe(13, "started 97 days ago is 13 weeks and 6 days: today is not over");
        facts.RequisitionReason.ShouldBe(nameof(RequisitionReason.VacancyCover));
        facts.RightToWorkValid.ShouldBeFalse();
        facts.HasDbs.ShouldBeTrue();
        facts.DbsMonthsOld.ShouldBe(40);
        facts.DbsStatusCheckMonthsOld.ShouldBe(2);
        facts.RegistrationRequired.ShouldBeTrue();
        facts.RegistrationValid.ShouldBeTrue();
    }
}
