using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Placements;

/// <summary>One worker, two requisitions: booked at once, only one books; a placement is not extended into the next.</summary>
public sealed class DoubleBookingTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private Requisition _housing = null!;
    private Requisition _homelessness = null!;
    private Domain.Workers.Worker _worker = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        var where = await ReferenceData.SaveAsync(db, A.ServiceArea("HOU", childrens: false), A.Role(JobFamily.Housing));
        _worker = A.Worker().LivingIn("LU2 7AB").SuppliedBy(where.Agency.Id).InFamily(JobFamily.Housing).WithChecks().Build();
        db.Add(_worker);
        await db.SaveAsync();
        _housing = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Open();
        _homelessness = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Open();
        foreach (var requisition in new[] { _housing, _homelessness })
        {
            requisition.AddToShortlist(_worker.Id, "Local", 40, null, "recruiter@test.local", Clocks.Now);
            db.Add(requisition);
        }
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Of_two_bookings_of_one_worker_at_once_the_second_is_a_conflict_not_a_second_placement()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var first = services.CreateAsyncScope();
        await using var second = services.CreateAsyncScope();
        var start = Clocks.Today.AddDays(14);
        PlacementProposalInput Terms(Requisition requisition) => new(requisition.Id, _worker.Id, 16.50m, 37m, start, start.AddDays(90), null);

        // Both read the worker's placements before either saves: neither sees a clash.
        var housing = await first.ServiceProvider.GetRequiredService<BookingCases>().LoadAsync(_housing.Id, _worker.Id, forUpdate: true, CancellationToken.None);
        var homelessness = await second.ServiceProvider.GetRequiredService<BookingCases>().LoadAsync(_homelessness.Id, _worker.Id, forUpdate: true, CancellationToken.None);
        var booked = await first.ServiceProvider.GetRequiredService<PlacementBookingCommands>().BookAsync(housing, Terms(_housing), housing!.Requisition.Version, CancellationToken.None);
        var twice = await second.ServiceProvider.GetRequiredService<PlacementBookingCommands>().BookAsync(homelessness, Terms(_homelessness), homelessness!.Requisition.Version, CancellationToken.None);

        booked.Result.Status.ShouldBe(CommandStatus.Done, string.Join("; ", booked.Result.Errors.Values));
        twice.Result.Status.ShouldBe(CommandStatus.Conflict);
        twice.Result.Message.ShouldNotBeNull().ShouldContain($"{_worker.FullName} was booked, or this requisition changed");
        await using var db = TestData.Open(_database);
        (await db.SingleAsync<Placement>(p => p.WorkerId == _worker.Id)).RequisitionId.ShouldBe(_housing.Id);
    }

    [Fact]
    public async Task An_extension_into_the_workers_next_placement_is_refused_at_the_new_end_date_and_one_to_the_day_before_it_is_made()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        var start = Clocks.Today.AddDays(14);
        var first = await BookAsync(services, _housing, start, start.AddDays(90));
        var next = await BookAsync(services, _homelessness, start.AddDays(121), start.AddDays(200));
        first.Status.ShouldBe(CommandStatus.Done);
        next.Status.ShouldBe(CommandStatus.Done, "the second placement starts a month after the first ends");

        await using var scope = services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<Application.Placements.Changes.PlacementChangeCommands>();
        async Task<CommandResult> ExtendAsync(DateOnly to)
        {
            await using var db = TestData.Open(_database);
            var version = (await db.SingleAsync<Placement>(p => p.Id == first.Id)).Version;
            return await changes.ExtendAsync(first.Id, version, new(to, "Court work continues", "Head of Housing"), CancellationToken.None);
        }

        var into = await ExtendAsync(start.AddDays(150));
        into.Status.ShouldBe(CommandStatus.Invalid);
        into.Errors["NewEndDate"].ShouldBe($"The worker is booked on another placement from {start.AddDays(121):d MMMM yyyy} to {start.AddDays(200):d MMMM yyyy}: extend to {start.AddDays(120):d MMMM yyyy} at most");
        (await ExtendAsync(start.AddDays(120))).Status.ShouldBe(CommandStatus.Done);
    }

    [Fact]
    public async Task An_extension_waiting_for_sign_off_is_not_signed_into_force_over_a_booking_made_meanwhile()
    {
        var director = new TestUser("hr.director@test.local", []);
        await UserAccounts.AddAsync(_database, (director.Name, "Dana Reid"));
        await using (var admin = TestServices.For(_database, user: new TestUser("admin@test.local", [Application.Common.Identity.Roles.Admin])))
        await using (var scope = admin.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<Application.SignOffs.SignOffPositions>().AssignAsync("Director of HR", Application.SignOffs.SignOffPositions.NeverFilled, director.Name, null, CancellationToken.None))
                .Status.ShouldBe(CommandStatus.Done);
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        var start = Clocks.Today.AddDays(14);
        var first = await BookAsync(services, _housing, start, start.AddDays(90));
        int version;
        await using (var db = TestData.Open(_database)) version = (await db.SingleAsync<Placement>(p => p.Id == first.Id)).Version;
        await using (var scope = services.CreateAsyncScope())
        {
            // Past the longest length: it waits for the Head of Service and the Director of HR, the worker's later days not held.
            var extended = await scope.ServiceProvider.GetRequiredService<Application.Placements.Changes.PlacementChangeCommands>()
                .ExtendAsync(first.Id, version, new(start.AddDays(7 * 80), "Court work continues", "Head of Housing"), CancellationToken.None);
            extended.Status.ShouldBe(CommandStatus.Done, string.Join("; ", extended.Errors.Values) + extended.Message);
        }
        (await BookAsync(services, _homelessness, start.AddDays(200), start.AddDays(260))).Status.ShouldBe(CommandStatus.Done);

        int signOff;
        await using (var db = TestData.Open(_database))
        {
            var placement = await db.SingleAsync<Placement>(p => p.Id == first.Id, "SignOffs");
            (signOff, version) = (placement.SignOffs.Single(s => s.Position == "Director of HR").Id, placement.Version);
        }
        await using var signing = TestServices.For(_database, user: director);
        await using var signingScope = signing.CreateAsyncScope();
        var signed = await signingScope.ServiceProvider.GetRequiredService<Application.SignOffs.SignOffCommands>().GiveAsync(signOff, version, null, CancellationToken.None);

        signed.Status.ShouldBe(CommandStatus.Conflict);
        signed.Message.ShouldBe($"This extension to {start.AddDays(7 * 80):d MMMM yyyy} cannot be signed off: the worker has since been booked on another placement from {start.AddDays(200):d MMMM yyyy} to {start.AddDays(260):d MMMM yyyy}. "
            + $"Decline it with that reason; the recruiter can ask for an extension to {start.AddDays(199):d MMMM yyyy} at most.");
        await using var after = TestData.Open(_database);
        (await after.SingleAsync<Placement>(p => p.Id == first.Id, "SignOffs")).SignOffs.Single(s => s.Id == signOff).State.ShouldBe(SignOffState.Awaiting);
    }

    private async Task<CommandResult> BookAsync(IServiceProvider services, Requisition requisition, DateOnly start, DateOnly end)
    {
        await using var scope = services.CreateAsyncScope();
        var booking = await scope.ServiceProvider.GetRequiredService<BookingCases>().LoadAsync(requisition.Id, _worker.Id, forUpdate: true, CancellationToken.None);
        var input = new PlacementProposalInput(requisition.Id, _worker.Id, 16.50m, 37m, start, end, null);
        return (await scope.ServiceProvider.GetRequiredService<PlacementBookingCommands>().BookAsync(booking, input, booking!.Requisition.Version, CancellationToken.None)).Result;
    }
}
