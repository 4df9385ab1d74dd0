using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Reports;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Reports;

/// <summary>The refusals report over hand-built decisions in two services, some outside the period or not refusals at all.</summary>
public sealed class RefusalsReportTests : IAsyncLifetime
{
    private static readonly DateOnly From = new(2026, 9, 1);
    private SqliteTestDatabase _database = null!;
    private ReferenceData _childrens = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _childrens = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
        var adults = await ReferenceData.SaveAsync(db, A.ServiceArea("ASC", childrens: false), A.Role());
        var (childrensRequisition, childrensWorker) = await RequisitionAsync(db, _childrens);
        var (adultsRequisition, adultsWorker) = await RequisitionAsync(db, adults);
        var placement = Placement.Book(childrensRequisition, childrensWorker, new PlacementBooking(A.Rates(), 37m, From, From.AddDays(180)), null, [], "r", Clocks.Now);
        db.Add(placement);
        await db.SaveAsync();

        DecisionReason Refusing(string rule, string message) => new(rule, false, message, "Refused");
        RuleDecision Decision(string ruleSet, string outcome, DateOnly on, params DecisionReason[] reasons) =>
            new(ruleSet, "v1", outcome, "{}", reasons, "recruiter@test.local", new DateTimeOffset(on.ToDateTime(new TimeOnly(14, 30)), TimeSpan.Zero));

        db.Add(
            Decision(RuleSetNames.PayRateCaps, "Refused", new DateOnly(2026, 9, 14),
                    Refusing("NationalLivingWage", "£11.50 is below the National Living Wage."),
                    new DecisionReason("DfeCap", false, "Over the DfE cap.", "NeedsException"),
                    new DecisionReason("Anything", true, "Fine."))
                .About(childrensRequisition.Id, childrensWorker.Id).Refusing(RefusedChange.Booking),
            Decision(RuleSetNames.PayRateCaps, "Refused", new DateOnly(2026, 10, 2), Refusing("NationalLivingWage", "£12.00 is below the National Living Wage."))
                .About(childrensRequisition.Id, childrensWorker.Id).Refusing(RefusedChange.Booking),
            Decision(RuleSetNames.PlacementLengthLimits, "Refused", new DateOnly(2026, 11, 2), Refusing("AgencyTwoYears", "Agency placements end within two years."))
                .About(childrensRequisition.Id, childrensWorker.Id, placement.Id).Refusing(RefusedChange.Extension),
            Decision(RuleSetNames.PlacementLengthLimits, "Refused", new DateOnly(2026, 11, 20), Refusing("FirstBookingLength", "A first booking may run at most 26 weeks."))
                .About(adultsRequisition.Id, adultsWorker.Id).Refusing(RefusedChange.Booking),
            // Not counted: a refusal before the period, and a decision that allowed its change.
            Decision(RuleSetNames.PayRateCaps, "Refused", new DateOnly(2026, 8, 31), Refusing("NationalLivingWage", "Too low."))
                .About(childrensRequisition.Id, childrensWorker.Id).Refusing(RefusedChange.Booking),
            Decision(RuleSetNames.PayRateCaps, "Allowed", new DateOnly(2026, 10, 2), new DecisionReason("NationalLivingWage", true, "Fine."))
                .About(childrensRequisition.Id, childrensWorker.Id, placement.Id));
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Refusals_are_counted_by_month_and_rule_set_and_each_refusing_rule_by_how_often_it_refused()
    {
        var figures = await ReportAsync(TestUser.Recruiter, null);

        figures.ByMonth.Select(m => (m.Month.Month, m.Of("pay-rate-caps"), m.Of("placement-length-limits"))).ShouldBe([(9, 1, 0), (10, 1, 0), (11, 0, 2)]);
        (figures.Bookings, figures.Extensions, figures.Total).ShouldBe((3, 1, 4));
        figures.ByRule.Select(r => (r.Rule, r.Refusals)).ShouldBe([("NationalLivingWage", 2), ("AgencyTwoYears", 1), ("FirstBookingLength", 1)],
            "the DfE cap failed too, but it asked for a sign-off rather than refusing");
        figures.ByRule[0].LatestMessage.ShouldBe("£12.00 is below the National Living Wage.");
        figures.Refusals.Select(r => r.At.Day).ShouldBe([20, 2, 2, 14], "newest first");
        figures.Refusals[1].PlacementId.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_hiring_manager_sees_only_their_own_service_s_refusals()
    {
        var manager = new TestUser("manager@test.local", [Roles.HiringManager], _childrens.Area.Id);

        var figures = await ReportAsync(manager, serviceAreaId: null);

        figures.ServiceAreaId.ShouldBe(_childrens.Area.Id);
        figures.ByMonth.Select(m => m.Total).ShouldBe([1, 1, 1]);
        figures.Refusals.Count.ShouldBe(3);
        figures.ByRule.Select(r => r.Rule).ShouldNotContain("FirstBookingLength", "that booking was in adult social care");
    }

    private async Task<RefusalFigures> ReportAsync(TestUser user, int? serviceAreaId)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RefusalsReport>().GetAsync(From, Clocks.Today, serviceAreaId, CancellationToken.None);
    }

    private static async Task<(Requisition, Domain.Workers.Worker)> RequisitionAsync(TestData db, ReferenceData where)
    {
        var requisition = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Starting(From).Open();
        var worker = A.Worker().SuppliedBy(where.Agency.Id).Build();
        db.Add(requisition, worker);
        await db.SaveAsync();
        return (requisition, worker);
    }
}
