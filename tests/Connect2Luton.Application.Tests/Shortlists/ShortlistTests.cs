using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Shortlists;

public sealed class ShortlistTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;
    private Requisition _requisition = null!;
    private readonly Dictionary<string, Worker> _workers = [];

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
        _requisition = A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open();
        db.Add(_requisition);

        var pool = _reference.Agency.Id;
        _workers["Luton"] = A.Worker().Named("Ahmed").LivingIn("LU2 7AB").SuppliedBy(pool).Build();
        _workers["Dunstable"] = A.Worker().Named("Baker").LivingIn("LU6 1AA").SuppliedBy(pool).Build();
        _workers["Bedford"] = A.Worker().Named("Clarke").LivingIn("MK40 1AA").SuppliedBy(pool).Build();
        // Left a permanent post in the same region a month ago: the DfE cooling-off keeps them out.
        _workers["CoolingOff"] = A.Worker().Named("Dhillon").LivingIn("LU3 2AA").SuppliedBy(pool)
            .LeftCouncil("Bedford Borough Council", "East of England", Clocks.Today.AddMonths(-1)).Build();
        _workers["Housing"] = A.Worker().Named("Evans").LivingIn("LU1 1AA").SuppliedBy(pool).InFamily(JobFamily.Housing).Build();
        db.Add([.. _workers.Values]);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Candidates_are_ranked_local_first_and_a_worker_in_the_DfE_cooling_off_is_shown_but_cannot_be_added()
    {
        var view = await QueryAsync(TestUser.Recruiter);

        view.Candidates.Select(c => c.WorkerId).ShouldBe(
            [_workers["Luton"].Id, _workers["Dunstable"].Id, _workers["Bedford"].Id, _workers["CoolingOff"].Id]);
        view.Candidates[0].Tier.ShouldBe("Local");
        view.Candidates[0].Reasons.ShouldContain(r => r.Contains("LU2", StringComparison.Ordinal));
        var coolingOff = view.Candidates[3];
        coolingOff.Eligible.ShouldBeFalse();
        coolingOff.Ineligibilities.ShouldHaveSingleItem().ShouldContain("3 months");

        var refused = await AddAsync(TestUser.Recruiter, _workers["CoolingOff"].Id, view.Version);
        refused.Status.ShouldBe(CommandStatus.Conflict);
        refused.Message.ShouldNotBeNull().ShouldContain("cannot be engaged");
        (await AddAsync(TestUser.Recruiter, _workers["Housing"].Id, view.Version)).Status.ShouldBe(CommandStatus.Conflict);
        (await QueryAsync(TestUser.Recruiter)).Shortlisted.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_added_worker_keeps_the_decision_that_ranked_them_and_a_stale_page_is_refused()
    {
        var before = await QueryAsync(TestUser.Recruiter);

        (await AddAsync(TestUser.Recruiter, _workers["Luton"].Id, before.Version)).Status.ShouldBe(CommandStatus.Done);
        var stale = await AddAsync(TestUser.Recruiter, _workers["Dunstable"].Id, before.Version);

        stale.Status.ShouldBe(CommandStatus.Conflict);
        var after = await QueryAsync(TestUser.Recruiter);
        var entry = after.Shortlisted.ShouldHaveSingleItem();
        entry.WorkerId.ShouldBe(_workers["Luton"].Id);
        (entry.Tier, entry.Points).ShouldBe(("Local", 42));
        entry.RuleVersion.ShouldNotBeNull().Length.ShouldBe(64);
        entry.Reasons.ShouldContain(r => r.Contains("Luton supplier", StringComparison.Ordinal));
        after.Candidates.ShouldNotContain(c => c.WorkerId == _workers["Luton"].Id);

        await using var db = TestData.Open(_database);
        var decision = await db.SingleAsync<RuleDecision>(d => d.WorkerId == _workers["Luton"].Id);
        (decision.RequisitionId, decision.DecidedBy).ShouldBe((_requisition.Id, TestUser.Recruiter.Name));
    }

    [Fact]
    public async Task At_equal_local_preference_the_in_house_pool_ranks_first_then_local_supporting_agencies_then_other_agencies()
    {
        var local = new SupplyAgency("Wardown Social Work", SupplyAgencyKind.LocalSupportingAgency, 0.12m, isLocal: true, "DPS-LU-0107");
        var external = new SupplyAgency("Luton Locums", SupplyAgencyKind.ExternalAgency, 0.2m, isLocal: true, dpsReference: null);
        await using (var db = TestData.Open(_database))
        {
            db.Add(local, external);
            await db.SaveAsync();
            // Surnames against the order the source ranks them in: without it, Abbott would come first.
            _workers["External"] = A.Worker().Named("Abbott").LivingIn("LU2 1AA").SuppliedBy(external.Id).Build();
            _workers["Local agency"] = A.Worker().Named("Young").LivingIn("LU2 1AA").SuppliedBy(local.Id).Build();
            _workers["Pool"] = A.Worker().Named("Zane").LivingIn("LU2 1AA").SuppliedBy(_reference.Agency.Id).Build();
            db.Add(_workers["External"], _workers["Local agency"], _workers["Pool"]);
            await db.SaveAsync();
        }

        var ranked = (await QueryAsync(TestUser.Recruiter)).Candidates
            .Where(c => c.WorkerId == _workers["External"].Id || c.WorkerId == _workers["Local agency"].Id || c.WorkerId == _workers["Pool"].Id).ToList();

        ranked.Select(c => (c.WorkerId, c.Points)).ShouldBe([(_workers["Pool"].Id, 42), (_workers["Local agency"].Id, 41), (_workers["External"].Id, 40)]);
    }

    [Fact]
    public async Task Taking_a_worker_off_needs_a_reason_and_only_recruiters_change_a_shortlist()
    {
        var manager = new TestUser(_reference.Manager.Email, [Roles.HiringManager], _reference.Area.Id);
        var version = (await QueryAsync(TestUser.Recruiter)).Version;

        (await AddAsync(manager, _workers["Luton"].Id, version)).Status.ShouldBe(CommandStatus.Forbidden);
        (await AddAsync(TestUser.Recruiter, _workers["Luton"].Id, version)).Status.ShouldBe(CommandStatus.Done);
        version = (await QueryAsync(manager)).Version;

        var noReason = await RemoveAsync(TestUser.Recruiter, _workers["Luton"].Id, version, "  ");
        noReason.Errors["Reason"].ShouldBe("Enter why the worker is coming off the shortlist");
        (await RemoveAsync(manager, _workers["Luton"].Id, version, "Withdrew")).Status.ShouldBe(CommandStatus.Forbidden);
        (await RemoveAsync(TestUser.Recruiter, _workers["Luton"].Id, version, "Withdrew after interview")).Status.ShouldBe(CommandStatus.Done);

        var after = await QueryAsync(TestUser.Recruiter);
        after.Shortlisted.ShouldBeEmpty();
        after.Candidates[0].WorkerId.ShouldBe(_workers["Luton"].Id);
        await using var db = TestData.Open(_database);
        var entry = (await db.SingleAsync<Requisition>(r => r.Id == _requisition.Id, nameof(Requisition.Shortlist))).Shortlist.Single();
        (entry.Status, entry.RemovalReason, entry.RemovedBy).ShouldBe((ShortlistEntryStatus.Removed, "Withdrew after interview", TestUser.Recruiter.Name));
    }

    [Fact]
    public async Task A_worker_on_the_list_since_booked_elsewhere_over_its_dates_is_shown_as_booked_for_them()
    {
        var version = (await QueryAsync(TestUser.Recruiter)).Version;
        (await AddAsync(TestUser.Recruiter, _workers["Luton"].Id, version)).Status.ShouldBe(CommandStatus.Done);
        (await QueryAsync(TestUser.Recruiter)).Shortlisted.ShouldHaveSingleItem().BookedElsewhere.ShouldBeFalse();

        var elsewhere = A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open();
        await using (var db = TestData.Open(_database))
        {
            db.Add(elsewhere);
            await db.SaveAsync();
            var worker = await db.SingleAsync<Worker>(w => w.Id == _workers["Luton"].Id);
            var start = _requisition.StartDate.AddDays(30);
            db.Add(Domain.Placements.Placement.Book(elsewhere, worker, new Domain.Placements.PlacementBooking(A.Rates(), 37m, start, start.AddDays(90)), null, [], "r", Clocks.Now));
            await db.SaveAsync();
        }

        (await QueryAsync(TestUser.Recruiter)).Shortlisted.ShouldHaveSingleItem().BookedElsewhere.ShouldBeTrue();
    }

    private async Task<ShortlistView> QueryAsync(TestUser user)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ShortlistQueries>().GetAsync(_requisition.Id, new PageRequest(1), default)).ShouldNotBeNull();
    }

    private Task<CommandResult> AddAsync(TestUser user, int workerId, int version) =>
        RunAsync(user, c => c.AddAsync(_requisition.Id, version, workerId, default));

    private Task<CommandResult> RemoveAsync(TestUser user, int workerId, int version, string reason) =>
        RunAsync(user, c => c.RemoveAsync(_requisition.Id, version, workerId, reason, default));

    private async Task<CommandResult> RunAsync(TestUser user, Func<ShortlistCommands, Task<CommandResult>> command)
    {
        await using var services = TestServices.For(_database, user: user);
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<ShortlistCommands>());
    }
}
