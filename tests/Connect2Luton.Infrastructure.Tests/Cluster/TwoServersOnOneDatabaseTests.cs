using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Domain.RuleSets;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Cluster;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Infrastructure.Tests.Policies;
using Connect2Luton.Testing;
using Connect2Luton.Testing.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Cluster;

/// <summary>
/// Two servers as a council runs them: one database, each with its own rules/ folder and its own memory. The
/// database is the record of which rule version serves; each server takes what another recorded at its next check.
/// </summary>
public sealed class TwoServersOnOneDatabaseTests : IAsyncLifetime
{
    private static readonly TestUser Officer = new("policy@test.local", [Roles.PolicyOfficer]);
    private SqliteTestDatabase _database = null!;
    private readonly List<Server> _servers = [];

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_cap_saved_on_one_server_decides_bookings_on_the_other_from_its_next_check()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var facts = Facts.ChildrensSocialWorker(pay: 34.00m, holiday: 4.10m, ni: 5.10m);

        (await a.SaveAsync(LoweredCap(a, "43.00m"))).Result.Succeeded.ShouldBeTrue();

        (await b.DecideAsync(facts)).Outcome.ShouldBe(PayRateOutcome.Allowed, "until it checks, the other server decides with what it serves");
        await b.CheckAsync();
        var decided = await b.DecideAsync(facts);
        decided.Outcome.ShouldBe(PayRateOutcome.NeedsException);
        decided.Details.Figures["dfeCap"].ShouldBe(43.00m);
        decided.Details.Version.ShouldBe((await a.DecideAsync(facts)).Details.Version);
        b.Rules.Read("pay-rate-caps.json").ShouldBe(a.Rules.Read("pay-rate-caps.json"), "each server writes what it serves to its own folder");
        b.NumberServing("pay-rate-caps").ShouldBe(2);
        (await VersionsOfAsync("pay-rate-caps")).ShouldBe(2);
    }

    [Fact]
    public async Task Of_two_servers_saving_on_top_of_the_same_version_one_is_recorded_and_the_other_is_shown_what_now_serves()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var fromA = LoweredCap(a, "43.00m");
        var fromB = LoweredCap(b, "44.00m");

        (await a.SaveAsync(fromA)).Result.Succeeded.ShouldBeTrue();
        var refused = await b.SaveAsync(fromB);

        refused.Result.Status.ShouldBe(Connect2Luton.Application.Common.Results.CommandStatus.Conflict);
        refused.ChangedUnderneath.ShouldNotBeNull().Json.ShouldBe(fromA.Json, "the officer compares their draft with the version that won");
        b.Serving("pay-rate-caps").Json.ShouldBe(fromA.Json, "the refused server takes the winner at once");
        b.Rules.Read("pay-rate-caps.json").ShouldBe(fromA.Json, "and its folder holds the winner, not the refused draft");
        (await VersionsOfAsync("pay-rate-caps")).ShouldBe(2);
    }

    [Fact]
    public async Task A_file_changed_on_disk_on_top_of_a_version_another_server_has_replaced_is_not_recorded_over_it()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var saved = LoweredCap(b, "43.00m");
        (await b.SaveAsync(saved)).Result.Succeeded.ShouldBeTrue();

        // Before node A has checked, someone edits its file: on top of version 1, which no longer serves anywhere.
        var edited = a.Serving("pay-rate-caps").Json.Replace("\"Description\": \"", "\"Description\": \"Edited on the server. ", StringComparison.Ordinal);
        a.Rules.Replace("pay-rate-caps.json", edited);
        (await a.Services.GetRequiredService<RuleSetRegistry>().ReloadAsync(RuleSetDefinition.PayRateCaps)).Succeeded.ShouldBeTrue();
        await a.RecordServingAsync();
        await a.CheckAsync();

        (await VersionsOfAsync("pay-rate-caps")).ShouldBe(2, "the officer's save is not overwritten by an edit made on top of the version it replaced");
        a.Serving("pay-rate-caps").Json.ShouldBe(saved.Json);
        a.Rules.Read("pay-rate-caps.json").ShouldBe(saved.Json);
    }

    [Fact]
    public async Task A_server_that_starts_with_an_older_rules_folder_serves_the_newest_version_in_the_database()
    {
        var a = await StartAsync();
        var lowered = LoweredCap(a, "43.00m");
        (await a.SaveAsync(lowered)).Result.Succeeded.ShouldBeTrue();

        var late = await StartAsync();

        late.Serving("pay-rate-caps").Json.ShouldBe(lowered.Json);
        late.Rules.Read("pay-rate-caps.json").ShouldBe(lowered.Json);
        late.NumberServing("pay-rate-caps").ShouldBe(2);
        (await VersionsOfAsync("pay-rate-caps")).ShouldBe(2, "the older folder is not recorded over the newer version");
    }

    [Fact]
    public async Task A_server_that_starts_with_a_broken_rule_file_serves_the_database_version_and_mends_its_folder()
    {
        var a = await StartAsync();
        var good = a.Serving("placement-length-limits").Json;

        var broken = await StartAsync(rules => rules.Replace("placement-length-limits.json", "{ \"WorkflowName\": \"placement-length-limits\", \"Rules\": ["));

        broken.Serving("placement-length-limits").IsServing.ShouldBeTrue();
        broken.Serving("placement-length-limits").Json.ShouldBe(good);
        broken.Rules.Read("placement-length-limits.json").ShouldBe(good);
        broken.Services.GetRequiredService<IRuleSetCatalogue>().Current.ShouldAllBe(s => s.IsServing && s.Problems.Count == 0);
        (await VersionsOfAsync("placement-length-limits")).ShouldBe(1);
    }

    [Fact]
    public async Task A_change_saved_on_one_server_drops_what_the_other_cached_from_that_kind_of_record_at_its_next_check()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await b.CheckAsync();
        var before = b.Counters.Of<Worker>();

        await a.SaveWorkerAsync();
        await a.Services.GetRequiredService<ChangeSignals>().FlushAsync(CancellationToken.None);
        await b.CheckAsync();

        b.Counters.Of<Worker>().ShouldBeGreaterThan(before);
        var unchanged = b.Counters.Of<Worker>();
        await b.CheckAsync();
        b.Counters.Of<Worker>().ShouldBe(unchanged, "a count already seen is not a change");
        a.Counters.Of<Worker>().ShouldBe(1, "a server's own signal, read back, is not news to it");
        await a.CheckAsync();
        a.Counters.Of<Worker>().ShouldBe(1);
    }

    private async Task<int> VersionsOfAsync(string ruleSet)
    {
        await using var db = _database.CreateContext();
        return await db.Set<RuleFileVersion>().CountAsync(v => v.RuleSet == ruleSet);
    }

    private static Draft LoweredCap(Server server, string cap)
    {
        var serving = server.Serving("pay-rate-caps");
        var lowered = serving.Json.Replace("\"Expression\": \"45.00m\"", $"\"Expression\": \"{cap}\"", StringComparison.Ordinal);
        lowered.ShouldNotBe(serving.Json);
        var draft = RuleSetCompiler.Compile(RuleSetDefinition.PayRateCaps, lowered, null, runTestCases: false).RuleSet.ShouldNotBeNull();
        var cases = CaseBoundaries.Review(draft, serving.TestCasesJson!, moveBoundaries: true).TestCasesJson!;
        return new Draft(lowered, cases, serving.Revision);
    }

    private async Task<Server> StartAsync(Action<RuleFolderCopy>? onDisk = null)
    {
        var server = await Server.StartAsync(_database, onDisk);
        _servers.Add(server);
        return server;
    }

    private sealed record Draft(string Json, string TestCases, string StartedFrom);

    private sealed class Server : IAsyncDisposable
    {
        private Server(RuleFolderCopy rules, ServiceProvider services)
        {
            Rules = rules;
            Services = services;
        }

        private RuleFileHistoryRecorder? _recorder;

        public RuleFolderCopy Rules { get; }

        public ServiceProvider Services { get; }

        public ChangeCounters Counters => Services.GetRequiredService<ChangeCounters>();

        public static async Task<Server> StartAsync(SqliteTestDatabase database, Action<RuleFolderCopy>? onDisk)
        {
            var rules = RuleFiles.Copy();
            onDisk?.Invoke(rules);
            var services = TestServices.For(database, user: Officer, rulesDirectory: rules.Directory);
            // As the host starts them: the database's newest versions are taken over the folder, the folder's
            // first versions recorded, and this server's changes signalled.
            await services.GetRequiredService<ChangeSignals>().StartAsync(CancellationToken.None);
            var recorder = ActivatorUtilities.CreateInstance<RuleFileHistoryRecorder>(services);
            await recorder.StartAsync(CancellationToken.None);
            return new Server(rules, services) { _recorder = recorder };
        }

        public ServingRuleFile Serving(string ruleSet) => Services.GetRequiredService<IRuleSetPublisher>().Serving(ruleSet).ShouldNotBeNull();

        public int? NumberServing(string ruleSet) => Services.GetRequiredService<ServedRuleVersions>().NumberServing(ruleSet);

        public async Task RecordServingAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RuleFileHistory>().RecordServingAsync(CancellationToken.None);
        }

        public Task CheckAsync() => Services.GetRequiredService<ClusterCheck>().CheckAsync(CancellationToken.None);

        public async Task<PayRateDecision> DecideAsync(PayRateFacts facts) => await Services.GetRequiredService<IPayRatePolicy>().DecideAsync(facts);

        public async Task<RuleSetSaveResult> SaveAsync(Draft draft)
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RuleSetEditing>()
                .SaveAsync("pay-rate-caps", draft.Json, draft.TestCases, draft.StartedFrom, "Lower the cap", CancellationToken.None);
        }

        public async Task SaveWorkerAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var reference = await ReferenceData.SaveAsync(db);
            scope.ServiceProvider.GetRequiredService<IRepository<Worker>>().Add(A.Worker().SuppliedBy(reference.Agency.Id).Build());
            (await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync()).IsConflict.ShouldBeFalse();
        }

        public async ValueTask DisposeAsync()
        {
            await Services.GetRequiredService<ChangeSignals>().StopAsync(CancellationToken.None);
            if (_recorder is not null)
            {
                await _recorder.StopAsync(CancellationToken.None);
                _recorder.Dispose();
            }
            await Services.DisposeAsync();
            Rules.Dispose();
        }
    }
}
