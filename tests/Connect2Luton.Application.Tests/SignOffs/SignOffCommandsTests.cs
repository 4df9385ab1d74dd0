using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Application.SignOffs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.SignOffs;

/// <summary>
/// The posts an admin fills, and the sign-offs their holders give or decline, against a real database and the
/// shipped rules: a booking over the DfE cap waits for both posts, starts when both have signed, and is called off
/// by a decline; only a post's holder or deputy signs, never for their own request.
/// </summary>
public sealed class SignOffCommandsTests : IAsyncLifetime
{
    private static readonly TestUser Admin = new("admin@test.local", [Roles.Admin]);
    private static readonly TestUser Director = new("dcs@test.local", []);
    private static readonly TestUser Deputy = new("deputy@test.local", []);
    private static readonly TestUser Chief = new("ce@test.local", []);
    private static readonly TestUser Manager = new("manager@test.local", [Roles.HiringManager], 1);

    private SqliteTestDatabase _database = null!;
    private Requisition _requisition = null!;
    private Domain.Workers.Worker _worker = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await UserAccounts.AddAsync(_database, (Director.Name, "Helen Okafor"), (Deputy.Name, "Sam Deputy"), (Chief.Name, "Robin Porter"), (TestUser.Recruiter.Name, "Amira Hussain"));
        await using var data = TestData.Open(_database);
        var where = await ReferenceData.SaveAsync(data, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
        _worker = A.Worker().SuppliedBy(where.Agency.Id).InFamily(Domain.JobRoles.JobFamily.SocialCare).WithChecks().QualifiedOn(Clocks.Today.AddYears(-6)).Build();
        data.Add(_worker);
        await data.SaveAsync();
        _requisition = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Open();
        _requisition.AddToShortlist(_worker.Id, "Local", 40, null, TestUser.Recruiter.Name, Clocks.Now);
        data.Add(_requisition);
        await data.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Only_an_admin_fills_a_post_the_rules_name_and_only_with_people_who_can_sign_in()
    {
        (await AssignAsync(TestUser.Recruiter, "Chief Executive", 0, Chief.Name, null)).Status.ShouldBe(CommandStatus.Forbidden);
        (await AssignAsync(Admin, "Chief Cook", 0, Chief.Name, null)).Status.ShouldBe(CommandStatus.NotFound, "no rule names it");
        var stranger = await AssignAsync(Admin, "Chief Executive", 0, "nobody@test.local", Chief.Name);
        stranger.Errors[SignOffPositions.Fields.Holder].ShouldContain("Choose someone from the list");
        (await AssignAsync(Admin, "Chief Executive", 0, Chief.Name, Chief.Name)).Errors[SignOffPositions.Fields.Deputy].ShouldContain("someone other than the holder");
        (await AssignAsync(Admin, "Chief Executive", 0, null, Deputy.Name)).Errors[SignOffPositions.Fields.Holder].ShouldContain("Choose who holds the post");

        (await AssignAsync(Admin, "Chief Executive", SignOffPositions.NeverFilled, Chief.Name, Deputy.Name)).Status.ShouldBe(CommandStatus.Done);
        (await AssignAsync(Admin, "Chief Executive", SignOffPositions.NeverFilled, Deputy.Name, null)).Status.ShouldBe(CommandStatus.Conflict, "filled meanwhile by another admin");

        await using var services = TestServices.For(_database, user: Admin);
        await using var scope = services.CreateAsyncScope();
        var posts = await scope.ServiceProvider.GetRequiredService<SignOffPositions>().ListAsync(CancellationToken.None);
        posts.Select(p => p.Name).ShouldBe(["Chief Executive", "Director of Children's Services", "Director of HR", "Head of Service", "HR Business Partner"], "every post the shipped rules name");
        var chief = posts.Single(p => p.Name == "Chief Executive");
        (chief.Holder!.Name, chief.Deputy!.Name, chief.Version).ShouldBe(("Robin Porter", "Sam Deputy", 0));
        chief.NamedBy.ShouldBe(["Pay-rate caps"]);
        posts.Single(p => p.Name == "Director of HR").NamedBy.ShouldBe(["Placement length limits"]);
    }

    [Fact]
    public async Task A_booking_over_the_cap_starts_when_each_post_has_signed_through_its_holder_or_deputy_and_never_through_its_recruiter()
    {
        await AssignAsync(Admin, "Director of Children's Services", SignOffPositions.NeverFilled, Director.Name, Deputy.Name);
        await AssignAsync(Admin, "Chief Executive", SignOffPositions.NeverFilled, Chief.Name, TestUser.Recruiter.Name);
        var placement = await BookOverTheCapAsync();
        var (director, chief) = await SignOffsAsync(placement);

        (await QueueAsync(Director)).AwaitingCount.ShouldBe(1);
        (await QueueAsync(Manager)).Positions.ShouldBeEmpty();
        (await QueueAsync(TestUser.Recruiter)).AwaitingCount.ShouldBe(0, "the Chief Executive's deputy asked for it, so it is not waiting for them");
        (await GiveAsync(Manager, director)).Status.ShouldBe(CommandStatus.Forbidden, "a hiring manager holds neither post");
        (await GiveAsync(Director, chief)).Status.ShouldBe(CommandStatus.Forbidden, "the Director does not hold the Chief Executive's post");
        var own = await GiveAsync(TestUser.Recruiter, chief);
        (own.Status, own.Message).ShouldBe((CommandStatus.Conflict, "You asked for this, so you cannot sign it off: someone else who holds the post of Chief Executive must."));

        (await GiveAsync(Deputy, director, "Review at 13 weeks")).Status.ShouldBe(CommandStatus.Done, "the deputy signs for the post");
        (await StatusAsync(placement)).ShouldBe(PlacementStatus.AwaitingSignOff);
        (await GiveAsync(Deputy, director)).Message.ShouldBe("This has already been signed off for the Director of Children's Services, by Sam Deputy.");
        (await GiveAsync(Chief, chief)).Status.ShouldBe(CommandStatus.Done);

        (await StatusAsync(placement)).ShouldBe(PlacementStatus.Active);
        (await QueueAsync(Director)).AwaitingCount.ShouldBe(0);
        (await QueueAsync(Deputy)).Decided.ShouldHaveSingleItem().Position.ShouldBe("Director of Children's Services");
        await AssignAsync(Admin, "Director of Children's Services", 1, Director.Name, null);
        await using var services = TestServices.For(_database, user: Deputy);
        await using var scope = services.CreateAsyncScope();
        var read = await scope.ServiceProvider.GetRequiredService<SignOffQueries>().GetAsync(director, CancellationToken.None);
        (read.View.ShouldNotBeNull().RequestedBy, read.NotHeld).ShouldBe(("Amira Hussain", false), "a deputy since replaced still reads what they signed; the recruiter is named as people know them");
    }

    [Fact]
    public async Task A_declined_booking_needs_a_reason_and_is_called_off_giving_its_position_back()
    {
        await AssignAsync(Admin, "Director of Children's Services", SignOffPositions.NeverFilled, Director.Name, null);
        await AssignAsync(Admin, "Chief Executive", SignOffPositions.NeverFilled, Chief.Name, null);
        var placement = await BookOverTheCapAsync();
        var (_, chief) = await SignOffsAsync(placement);

        (await DecideAsync(Chief, chief, " ", give: false)).Errors[SignOffCommands.NoteField].ShouldContain("Enter why you are declining it");
        (await StatusAsync(placement)).ShouldBe(PlacementStatus.AwaitingSignOff, "a refused decline changes nothing");
        (await DecideAsync(Chief, chief, "Book from the in-house pool first", give: false)).Status.ShouldBe(CommandStatus.Done);

        (await StatusAsync(placement)).ShouldBe(PlacementStatus.Cancelled);
        await using var data = TestData.Open(_database);
        var requisition = await data.SingleAsync<Requisition>(r => r.Id == _requisition.Id, "Shortlist");
        (requisition.Status, requisition.PositionsFilled).ShouldBe((RequisitionStatus.Open, 0));
        requisition.Shortlist.Single().Status.ShouldBe(ShortlistEntryStatus.Shortlisted, "the recruiter can book them again within the cap");
        (await data.SingleAsync<Placement>(p => p.Id == placement, "SignOffs")).SignOffs.OrderBy(s => s.Id).Select(s => s.State)
            .ShouldBe([SignOffState.Withdrawn, SignOffState.Declined]);
    }

    private async Task<int> BookOverTheCapAsync()
    {
        await using var services = TestServices.For(_database, user: TestUser.Recruiter);
        await using var scope = services.CreateAsyncScope();
        var booking = await scope.ServiceProvider.GetRequiredService<BookingCases>().LoadAsync(_requisition.Id, _worker.Id, forUpdate: true, CancellationToken.None);
        var start = Clocks.Today.AddDays(14);
        var input = new PlacementProposalInput(_requisition.Id, _worker.Id, 40m, 37m, start, start.AddDays(90), "Court deadline");
        var outcome = await scope.ServiceProvider.GetRequiredService<PlacementBookingCommands>().BookAsync(booking, input, booking!.Requisition.Version, CancellationToken.None);
        outcome.Result.Status.ShouldBe(CommandStatus.Done, string.Join("; ", outcome.Result.Errors.Values));
        outcome.Quote!.NeedsCapException.ShouldBeTrue();
        (await StatusAsync(outcome.Result.Id)).ShouldBe(PlacementStatus.AwaitingSignOff);
        return outcome.Result.Id;
    }

    private async Task<(int Director, int Chief)> SignOffsAsync(int placement)
    {
        await using var data = TestData.Open(_database);
        var signOffs = (await data.SingleAsync<Placement>(p => p.Id == placement, "SignOffs")).SignOffs;
        return (signOffs.Single(s => s.Position == "Director of Children's Services").Id, signOffs.Single(s => s.Position == "Chief Executive").Id);
    }

    private async Task<PlacementStatus> StatusAsync(int placement)
    {
        await using var data = TestData.Open(_database);
        return (await data.SingleAsync<Placement>(p => p.Id == placement)).Status;
    }

    private Task<CommandResult> GiveAsync(TestUser user, int signOff, string? note = null) => DecideAsync(user, signOff, note, give: true);

    private async Task<CommandResult> DecideAsync(TestUser user, int signOff, string? note, bool give)
    {
        int version;
        await using (var data = TestData.Open(_database))
            version = (await data.SingleAsync<Placement>(p => p.SignOffs.Any(s => s.Id == signOff))).Version;
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<SignOffCommands>();
        return give ? await commands.GiveAsync(signOff, version, note, CancellationToken.None) : await commands.DeclineAsync(signOff, version, note, CancellationToken.None);
    }

    private async Task<MySignOffs> QueueAsync(TestUser user)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignOffQueries>().QueueAsync(CancellationToken.None);
    }

    private async Task<CommandResult> AssignAsync(TestUser user, string post, int version, string? holder, string? deputy)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignOffPositions>().AssignAsync(post, version, holder, deputy, CancellationToken.None);
    }
}
