using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connect2Luton.Application.Tests.SupplyChain;

/// <summary>
/// The scheduled release on a real database with the real release rules, on a clock that starts on Monday 23
/// November 2026 at 10:00, when every requisition here is approved.
/// </summary>
public sealed class ScheduledReleaseTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = Clocks.Fixed();
    private readonly List<AgenciesReached> _told = [];
    private readonly Dictionary<string, SupplyAgency> _agencies = [];
    private SqliteTestDatabase _database = null!;
    private Requisition _housing = null!;
    private Requisition _planning = null!;
    private Requisition _socialWork = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        var childrens = await ReferenceData.SaveAsync(db);
        var housingArea = A.ServiceArea("HSG", childrens: false);
        var housingRole = A.Role(JobFamily.Housing);
        var planningRole = A.Role(JobFamily.Planning);
        _agencies["local, DPS, DfE"] = Agency("Wardown Social Work", SupplyAgencyKind.LocalSupportingAgency, "DPS-LU-0107", confirmsDfe: true);
        _agencies["local, DPS"] = Agency("Chiltern Care", SupplyAgencyKind.LocalSupportingAgency, "DPS-LU-0112");
        _agencies["local, off the DPS"] = Agency("Kingsway Staffing", SupplyAgencyKind.LocalSupportingAgency, null);
        _agencies["external, DfE"] = Agency("National Social Work", SupplyAgencyKind.ExternalAgency, null, confirmsDfe: true);
        _agencies["external"] = Agency("Anywhere Staffing", SupplyAgencyKind.ExternalAgency, null);
        _agencies["deactivated"] = Agency("Closed Recruitment", SupplyAgencyKind.LocalSupportingAgency, "DPS-LU-0199", confirmsDfe: true);
        _agencies["deactivated"].Deactivate();
        db.Add(housingArea, housingRole, planningRole);
        db.Add([.. _agencies.Values]);
        await db.SaveAsync();

        // The pool has a housing officer and a social worker, each with their right to work checked; no planner.
        db.Add(A.Worker().InFamily(JobFamily.Housing).SuppliedBy(childrens.Agency.Id).WithChecks().Build(),
            A.Worker().InFamily(JobFamily.SocialCare).SuppliedBy(childrens.Agency.Id).WithChecks().Build());
        var manager = A.Manager(housingArea.Id);
        db.Add(manager);
        await db.SaveAsync();
        _housing = A.Requisition().In(housingArea.Id, housingRole.Id, manager.Id).Open();
        _planning = A.Requisition().In(housingArea.Id, planningRole.Id, manager.Id).Open();
        _socialWork = A.Requisition().In(childrens.Area.Id, childrens.Role.Id, childrens.Manager.Id).Open();
        db.Add(_housing, _planning, _socialWork);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_in_house_pool_sees_it_at_once_local_agencies_on_the_DPS_after_two_working_days_and_external_agencies_after_five()
    {
        await RunAsync();
        (await ReleaseOfAsync(_housing)).Steps.ShouldHaveSingleItem().Tier.ShouldBe(SupplyAgencyKind.InHousePool);
        (await ReachedAsync(_housing)).ShouldBeEmpty("the in-house pool is the council's own: no agency sees it yet");

        _clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        (await ReachedAsync(_housing)).ShouldBeEmpty("one working day: the pool still has it alone");

        _clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        (await ReachedAsync(_housing)).ShouldBe(["local, DPS", "local, DPS, DfE"], ignoreOrder: true);

        _clock.Advance(TimeSpan.FromDays(4)); // Sunday: 4 working days
        await RunAsync();
        (await ReachedAsync(_housing)).Count.ShouldBe(2);

        _clock.Advance(TimeSpan.FromDays(1)); // Monday again: 5 working days
        await RunAsync();
        (await ReachedAsync(_housing)).ShouldBe(["local, DPS", "local, DPS, DfE", "local, off the DPS", "external", "external, DfE"], ignoreOrder: true);
        var release = await ReleaseOfAsync(_housing);
        // The local agency off the DPS waits with the external agencies, and comes first as its tier does.
        release.Steps.Select(s => s.Tier).ShouldBe([SupplyAgencyKind.InHousePool, SupplyAgencyKind.LocalSupportingAgency, SupplyAgencyKind.LocalSupportingAgency, SupplyAgencyKind.ExternalAgency]);
        release.Steps.ShouldAllBe(s => s.Kind == ReleaseStepKind.Released && s.By == ReleaseBatch.By && s.RuleVersion!.Length == 64);
        _told.Where(t => t.RequisitionId == _housing.Id).SelectMany(t => t.AgencyIds).Order().ShouldBe(Seeing(release).Select(a => a.Value.Id).Order(), "each agency is told once, when it first sees it");
    }

    [Fact]
    public async Task With_no_matching_worker_in_the_in_house_pool_local_agencies_on_the_DPS_see_it_at_once()
    {
        await RunAsync();

        (await ReachedAsync(_planning)).ShouldBe(["local, DPS", "local, DPS, DfE"], ignoreOrder: true);
    }

    [Fact]
    public async Task Childrens_social_work_goes_only_to_agencies_that_confirm_the_DfE_agency_rules_even_when_released_early()
    {
        (await ReleaseEarlyAsync(_socialWork, SupplyAgencyKind.ExternalAgency)).Status.ShouldBe(CommandStatus.Done);
        (await ReachedAsync(_socialWork)).ShouldBe(["local, DPS, DfE", "external, DfE"], ignoreOrder: true);

        _clock.Advance(TimeSpan.FromDays(7));
        await RunAsync();
        (await ReachedAsync(_socialWork)).Count.ShouldBe(2, "the schedule keeps to the DfE agency rules too");
        (await ReachedAsync(_housing)).Count.ShouldBe(5, "a housing role is not children's social work: every active agency");
        var again = await ReleaseEarlyAsync(_socialWork, SupplyAgencyKind.ExternalAgency);
        again.Status.ShouldBe(CommandStatus.Conflict);
        again.Message.ShouldNotBeNull().ShouldContain("already been released to every agency");
    }

    [Fact]
    public async Task A_requisition_held_back_is_not_released_until_the_hold_is_lifted()
    {
        (await WithServicesAsync(s => s.GetRequiredService<SupplierReleaseCommands>().HoldAsync(_housing.Id, SupplierReleaseCommands.NoReleaseYet, "Interviewing an in-house worker on Friday", default)))
            .Status.ShouldBe(CommandStatus.Done);

        _clock.Advance(TimeSpan.FromDays(7));
        await RunAsync();
        (await ReleaseOfAsync(_housing)).Steps.ShouldHaveSingleItem().Kind.ShouldBe(ReleaseStepKind.Held);

        var version = (await ReleaseOfAsync(_housing)).Version;
        (await WithServicesAsync(s => s.GetRequiredService<SupplierReleaseCommands>().LiftHoldAsync(_housing.Id, version, "The interview did not go ahead", default)))
            .Status.ShouldBe(CommandStatus.Done);
        await RunAsync();
        (await ReachedAsync(_housing)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_missed_run_is_caught_up_by_the_next_and_running_again_adds_nothing()
    {
        // A week with the app down: the first run since releases every tier now due, at once.
        _clock.Advance(TimeSpan.FromDays(8));
        var caughtUp = await RunAsync();
        var again = await RunAsync();

        // Each requisition to the in-house pool, local and external agencies: 5 agencies, but 2 for the social work.
        caughtUp.Counts.ShouldBe(new ReleaseCounts(Checked: 3, TiersReleased: 9, AgenciesReached: 12));
        again.Counts.ShouldBe(new ReleaseCounts(Checked: 3));
        again.Reached.ShouldBeEmpty();
        (await ReleaseOfAsync(_housing)).Steps.Count.ShouldBe(3);
        await using var db = TestData.Open(_database);
        var runs = await db.ListAsync<JobRun>(r => r.JobName == JobNames.ReleaseRequisitions);
        runs.Select(r => (r.Status, r.PlacementsScanned, r.FlagsRaised, r.PromptsRaised)).ShouldBe([(JobRunStatus.Succeeded, 3, 9, 12), (JobRunStatus.Succeeded, 3, 0, 0)]);
    }

    private static SupplyAgency Agency(string name, SupplyAgencyKind kind, string? dps, bool confirmsDfe = false)
    {
        var agency = new SupplyAgency(name, kind, 0.12m, isLocal: kind == SupplyAgencyKind.LocalSupportingAgency, dps);
        agency.RecordDfeAgencyRules(confirmsDfe);
        return agency;
    }

    private Task<ReleaseRunResult> RunAsync() =>
        WithServicesAsync(s => s.GetRequiredService<ScheduledRelease>().RunAsync("schedule", default));

    private async Task<CommandResult> ReleaseEarlyAsync(Requisition requisition, SupplyAgencyKind tier)
    {
        await using var db = TestData.Open(_database);
        var version = (await db.ListAsync<SupplierRelease>(r => r.RequisitionId == requisition.Id)).SingleOrDefault()?.Version ?? SupplierReleaseCommands.NoReleaseYet;
        return await WithServicesAsync(s => s.GetRequiredService<SupplierReleaseCommands>().ReleaseEarlyAsync(requisition.Id, version, tier, "Nobody in the pool applied", default));
    }

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var services = TestServices.For(_database, _clock, configure: s => s.AddScoped<IReleaseNotifier>(_ => new Recorder(_told)));
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private async Task<SupplierRelease> ReleaseOfAsync(Requisition requisition)
    {
        await using var db = TestData.Open(_database);
        return await db.SingleAsync<SupplierRelease>(r => r.RequisitionId == requisition.Id, nameof(SupplierRelease.Steps), nameof(SupplierRelease.Profiles));
    }

    /// <summary>The active agencies that see the requisition (their kind was released it), by the names this test gives them.</summary>
    private async Task<List<string>> ReachedAsync(Requisition requisition) => Seeing(await ReleaseOfAsync(requisition)).Select(a => a.Key).ToList();

    private IEnumerable<KeyValuePair<string, SupplyAgency>> Seeing(SupplierRelease release)
    {
        var reached = release.Profiles.Select(p => p.Profile).ToHashSet();
        return _agencies.Where(a => a.Value.IsActive && reached.Contains(AgencyProfile.Of(a.Value)));
    }

    private sealed class Recorder(List<AgenciesReached> told) : IReleaseNotifier
    {
        public Task ReachedAsync(IReadOnlyList<AgenciesReached> reached, CancellationToken cancellationToken)
        {
            lock (told) told.AddRange(reached);
            return Task.CompletedTask;
        }
    }
}
