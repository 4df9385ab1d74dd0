using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Reports;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SignOffs;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Reports;

/// <summary>The DfE quarterly return over hand-built assignments, each placed in or out of the quarter on purpose.</summary>
public sealed class DfeReturnTests : IAsyncLifetime
{
    private static readonly Quarter JulyToSeptember = new(2026, 2);
    private SqliteTestDatabase _database = null!;
    private int _inThroughout;
    private int _onTheLastDay;
    private int _waiting;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        var childrens = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
        var adults = await ReferenceData.SaveAsync(db, A.ServiceArea("ASC", childrens: false), A.SocialWorkerRole());
        var housingRole = A.Role(JobFamily.Housing);
        db.Add(housingRole);
        await db.SaveAsync();

        // Booked a week before it started, above the cap, signed off by both posts the next days; re-rated after the quarter.
        var throughout = await PlaceAsync(db, childrens.Area.Id, childrens.Role.Id, childrens, new(2026, 6, 1), projectTeam: true, registered: true,
            new CapExceptionApproval("Director of Children's Services; Chief Executive", "No other cover for the child protection team", 45m, 47.03m), new DateTimeOffset(2026, 5, 25, 9, 0, 0, TimeSpan.Zero));
        throughout.GiveSignOff(throughout.SignOffs.First(), new PositionHolder("dcs@test.local", "Helen Okafor"), null, new(2026, 5, 26), new DateTimeOffset(2026, 5, 26, 9, 0, 0, TimeSpan.Zero));
        throughout.GiveSignOff(throughout.SignOffs.Last(), new PositionHolder("ce@test.local", "Robin Porter"), null, new(2026, 5, 27), new DateTimeOffset(2026, 5, 27, 14, 30, 0, TimeSpan.Zero));
        // Booked over the cap too, and still waiting: not an assignment yet, but on the register as waiting.
        _waiting = (await PlaceAsync(db, childrens.Area.Id, childrens.Role.Id, childrens, new(2026, 9, 1), capException:
            new CapExceptionApproval("Director of Children's Services; Chief Executive", "Court deadline", 45m, 46m), bookedAt: new DateTimeOffset(2026, 5, 28, 9, 0, 0, TimeSpan.Zero))).Id;
        throughout.ChangeRates(new PlacementRates(33m, 4m, 5m, 0m, 3m), Clocks.Today, "Annual review", null, null, "r", Clocks.Now);
        var endedBefore = await PlaceAsync(db, childrens.Area.Id, childrens.Role.Id, childrens, new(2026, 3, 1));
        endedBefore.End(new DateOnly(2026, 6, 30), "Completed", "r", Clocks.Now);
        await PlaceAsync(db, childrens.Area.Id, childrens.Role.Id, childrens, new(2026, 10, 1));          // starts after the quarter
        await PlaceAsync(db, adults.Area.Id, adults.Role.Id, adults, new(2026, 6, 1));                      // adults' social work: not DfE's
        await PlaceAsync(db, childrens.Area.Id, housingRole.Id, childrens, new(2026, 6, 1));                // not a social work role
        var lastDay = await PlaceAsync(db, childrens.Area.Id, childrens.Role.Id, childrens, new(2026, 9, 30));
        await db.SaveAsync();
        (_inThroughout, _onTheLastDay) = (throughout.Id, lastDay.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_return_lists_each_childrens_social_work_assignment_of_the_quarter_with_the_rate_then_and_its_signed_off_breach()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var dfe = scope.ServiceProvider.GetRequiredService<DfeReturn>();

        var figures = await dfe.GetAsync(JulyToSeptember, new PageRequest(1), CancellationToken.None);
        var every = await dfe.EveryAssignmentAsync(JulyToSeptember, CancellationToken.None);

        dfe.LastEnded().ShouldBe(JulyToSeptember, "on 23 November the last quarter ended is July to September");
        figures.Assignments.Items.Select(a => a.PlacementId).ShouldBe([_inThroughout, _onTheLastDay]);
        figures.Assignments.TotalCount.ShouldBe(2);
        every.ShouldBe(figures.Assignments.Items, "the download has what the pages show");
        (await dfe.GetAsync(JulyToSeptember, new PageRequest(2, 1), CancellationToken.None)).Assignments.Items.ShouldBe([every[1]], "in order of starting, a page at a time");
        (await dfe.CapBreachesAsync(JulyToSeptember, CancellationToken.None)).ShouldBe(figures.CapBreaches);
        var throughout = figures.Assignments.Items[0];
        throughout.RoleType.ShouldBe(DfeRoleType.SocialWorker);
        throughout.HourlyPayRate.ShouldBe(30m, "the rate in force at the quarter's end, not the later one");
        throughout.StartDate.ShouldBe(new DateOnly(2026, 6, 1));
        throughout.RegistrationNumber.ShouldNotBeNull().ShouldStartWith("SW");
        throughout.ProjectTeam.ShouldBeTrue();
        figures.Assignments.Items[1].RegistrationNumber.ShouldBeNull();
        figures.Assignments.Items[1].ProjectTeam.ShouldBeFalse();
        var breach = figures.CapBreaches.ShouldHaveSingleItem();
        (breach.PlacementId, breach.Cap, breach.Measured).ShouldBe((_inThroughout, 45m, 47.03m));
        breach.Approvers.ShouldBe("Director of Children's Services: Helen Okafor, 26 May 2026 10:00; Chief Executive: Robin Porter, 27 May 2026 15:30", "who signed for each post, and when (UK time)");
        (await dfe.EveryAssignmentAsync(JulyToSeptember with { Number = 3 }, CancellationToken.None)).First(a => a.PlacementId == _inThroughout)
            .HourlyPayRate.ShouldBe(33m, "by the end of the next quarter the new rate is in force");
        Quarter.Parse("2026-Q2").ShouldBe(JulyToSeptember);
        Quarter.Parse("2026-Q5").ShouldBeNull();
        JulyToSeptember.Label.ShouldBe("2026-27 quarter 2 (July to September 2026)");
    }

    [Fact]
    public async Task The_cap_exception_register_lists_each_rate_booked_above_its_cap_in_the_period_with_who_signed_it_off_and_when()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<CapExceptionRegister>();

        var may = await register.ListAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), null, CancellationToken.None);
        var june = await register.ListAsync(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), null, CancellationToken.None);

        may.Count.ShouldBe(2);
        var waiting = may[0];
        (waiting.PlacementId, waiting.Standing, waiting.Approvers).ShouldBe((_waiting, "Waiting for sign-off", "Director of Children's Services: waiting; Chief Executive: waiting"));
        var entry = may[1];
        entry.Standing.ShouldBe("Signed off");
        entry.Approvers.ShouldStartWith("Director of Children's Services: Helen Okafor, 26 May 2026 10:00");
        (entry.PlacementId, entry.PayRate, entry.Cap, entry.Measured, entry.Reason).ShouldBe((_inThroughout, 30m, 45m, 47.03m, "No other cover for the child protection team"));
        entry.RecordedAt.ShouldBe(new DateTimeOffset(2026, 5, 25, 9, 0, 0, TimeSpan.Zero));
        june.ShouldBeEmpty();
    }

    private static async Task<Placement> PlaceAsync(TestData db, int areaId, int roleId, ReferenceData where, DateOnly start,
        bool projectTeam = false, bool registered = false, CapExceptionApproval? capException = null, DateTimeOffset? bookedAt = null)
    {
        var requisition = A.Requisition().In(areaId, roleId, where.Manager.Id).Starting(start);
        if (projectTeam) requisition.ForAProjectTeam();
        var opened = requisition.Open();
        var worker = registered ? A.Worker().SuppliedBy(where.Agency.Id).WithChecks().Build() : A.Worker().SuppliedBy(where.Agency.Id).Build();
        db.Add(opened, worker);
        await db.SaveAsync();
        var placement = Placement.Book(opened, worker, new PlacementBooking(new PlacementRates(30m, 3m, 5m, 0m, 2m), 37m, start, new DateOnly(2026, 12, 31)),
            capException, [], "r", bookedAt ?? Clocks.Now);
        db.Add(placement);
        await db.SaveAsync();
        return placement;
    }
}
