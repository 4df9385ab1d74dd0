using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.Tests.Nightly;
using Connect2Luton.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Persistence;

/// <summary>Flags and prompts written in bulk skip EF's change tracking, so they must come back exactly as EF would have written them.</summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private NightlyData _data = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = TestServices.For(_database);
        _data = await NightlyData.CreateAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_flag_written_in_bulk_reads_back_as_the_one_written_through_EF_and_is_counted_as_a_change()
    {
        var placement = await _data.PlacementStartingAsync(Clocks.Today.AddDays(-7 * 13));
        var raisedAt = Clocks.Now.AddMinutes(-3);
        var counters = _services.GetRequiredService<ChangeCounters>();
        var before = counters.Of<PlacementFlag>();

        await using (var db = _data.Read())
        {
            db.PlacementFlags.Add(Flag(placement.Id, PlacementFlagKind.AwrQualified, raisedAt));
            await db.SaveChangesAsync();
        }
        await using (var scope = _services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IBulkInsert<PlacementFlag>>().Add(Flag(placement.Id, PlacementFlagKind.DueForReview, raisedAt));
            (await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync()).IsConflict.ShouldBeFalse();
        }

        counters.Of<PlacementFlag>().ShouldBe(before + 1);
        await using var read = _data.Read();
        var flags = await read.PlacementFlags.OrderBy(f => f.Id).ToListAsync();
        flags.Count.ShouldBe(2);
        var (throughEf, inBulk) = (flags[0], flags[1]);
        inBulk.Kind.ShouldBe(PlacementFlagKind.DueForReview);
        inBulk.ShouldSatisfyAllConditions(
            () => inBulk.PlacementId.ShouldBe(throughEf.PlacementId),
            () => inBulk.Message.ShouldBe(throughEf.Message),
            () => inBulk.Rule.ShouldBe(throughEf.Rule),
            () => inBulk.RuleSetVersion.ShouldBe(throughEf.RuleSetVersion),
            () => inBulk.RaisedOn.ShouldBe(throughEf.RaisedOn),
            () => inBulk.RaisedAt.ShouldBe(raisedAt),
            () => inBulk.IsOpen.ShouldBeTrue(),
            () => inBulk.Version.ShouldBe(throughEf.Version));
        // Stored text compared too: SQLite compares and sorts these columns as text.
        var stored = await read.Database.SqlQuery<string>($"SELECT RaisedAt || '|' || RaisedOn AS Value FROM PlacementFlags ORDER BY Id").ToListAsync();
        stored[1].ShouldBe(stored[0]);
    }

    [Fact]
    public async Task A_bulk_flag_the_database_refuses_takes_the_rest_of_the_unit_of_work_with_it()
    {
        var placement = await _data.PlacementStartingAsync(Clocks.Today.AddDays(-7 * 13));
        await using (var db = _data.Read())
        {
            db.PlacementFlags.Add(Flag(placement.Id, PlacementFlagKind.AwrQualified, Clocks.Now));
            await db.SaveChangesAsync();
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IRepository<JobRun>>().Add(new JobRun("flag-long-running-placements", Clocks.Today, "test", Clocks.Now));
            // A second open flag of the same kind breaks the one-open-flag-of-a-kind index.
            scope.ServiceProvider.GetRequiredService<IBulkInsert<PlacementFlag>>().Add(Flag(placement.Id, PlacementFlagKind.AwrQualified, Clocks.Now));
            await Should.ThrowAsync<SqliteException>(() => scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync());
        }

        await using var read = _data.Read();
        (await read.PlacementFlags.CountAsync()).ShouldBe(1);
        (await read.JobRuns.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_prompt_written_in_bulk_brings_its_decision_and_costs_and_reads_back_as_one_written_through_EF()
    {
        var first = await _data.PlacementStartingAsync(Clocks.Today.AddDays(-7 * 20));
        var second = await _data.PlacementStartingAsync(Clocks.Today.AddDays(-7 * 20));
        await using (var db = _data.Read())
        {
            db.AuditEnabled = false;
            db.ConversionPrompts.Add(Prompt(first));
            await db.SaveChangesAsync();
        }
        await using (var scope = _services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IBulkInsert<ConversionPrompt>>().Add(Prompt(second));
            (await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync()).IsConflict.ShouldBeFalse();
        }

        await using var read = _data.Read();
        var prompts = await read.ConversionPrompts.Include(c => c.Decision).OrderBy(c => c.Id).ToListAsync();
        prompts.Count.ShouldBe(2);
        var (throughEf, inBulk) = (prompts[0], prompts[1]);
        inBulk.ShouldSatisfyAllConditions(
            () => inBulk.PlacementId.ShouldBe(second.Id),
            () => inBulk.Costs.ShouldBe(throughEf.Costs),
            () => inBulk.Status.ShouldBe(ConversionPromptStatus.Open),
            () => inBulk.RaisedAt.ShouldBe(throughEf.RaisedAt),
            () => inBulk.Version.ShouldBe(throughEf.Version),
            () => inBulk.DecisionId.ShouldNotBe(throughEf.DecisionId),
            () => inBulk.Decision.Reasons.ShouldBe(throughEf.Decision.Reasons),
            () => inBulk.Decision.InputsJson.ShouldBe(throughEf.Decision.InputsJson),
            () => inBulk.Decision.PlacementId.ShouldBe(second.Id));
        var stored = await read.Database.SqlQuery<string>(
            $"SELECT c.AgencyCostToDate || '|' || c.YearlyAgencyCost || '|' || c.TransferFeeMayApply || '|' || c.RaisedAt || '|' || d.DecidedAt AS Value FROM ConversionPrompts c JOIN RuleDecisions d ON d.Id = c.DecisionId ORDER BY c.Id").ToListAsync();
        stored[1].ShouldBe(stored[0]);
        (await read.RuleDecisions.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Prompts_written_many_statements_at_a_time_each_keep_their_own_decision_and_a_saved_decision_is_not_written_again()
    {
        // More prompts than one statement holds, and not a whole number of statements, so the last one is shorter.
        var placements = new List<Placement>();
        for (var i = 0; i < 29; i++) placements.Add(await _data.PlacementStartingAsync(Clocks.Today.AddDays(-7 * 20)));
        var alreadySaved = Prompt(placements[0]).Decision;
        await using (var db = _data.Read())
        {
            db.AuditEnabled = false;
            db.RuleDecisions.Add(alreadySaved);
            await db.SaveChangesAsync();
        }
        await using (var scope = _services.CreateAsyncScope())
        {
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkInsert<ConversionPrompt>>();
            bulk.Add(new ConversionPrompt(placements[0].Id, placements[0].WorkerId, placements[0].ServiceAreaId,
                new ConversionCosts(1m, 2m, 3m, transferFeeMayApply: true), alreadySaved, Clocks.Today, Clocks.Now));
            foreach (var placement in placements.Skip(1)) bulk.Add(Prompt(placement));
            (await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync()).IsConflict.ShouldBeFalse();
        }

        await using var read = _data.Read();
        var prompts = await read.ConversionPrompts.Include(c => c.Decision).OrderBy(c => c.Id).ToListAsync();
        prompts.Select(p => p.PlacementId).ShouldBe(placements.Select(p => p.Id));
        prompts[0].DecisionId.ShouldBe(alreadySaved.Id);
        prompts[0].Costs.ShouldBe(new ConversionCosts(1m, 2m, 3m, transferFeeMayApply: true));
        prompts.ShouldAllBe(p => p.Decision.PlacementId == p.PlacementId);
        prompts.Select(p => p.DecisionId).Distinct().Count().ShouldBe(placements.Count);
        (await read.RuleDecisions.CountAsync()).ShouldBe(placements.Count);
    }

    private static ConversionPrompt Prompt(Placement placement)
    {
        var decision = new RuleDecision("permanent-conversion-eligibility", new string('b', 64), "Eligible", "{\"ContinuousWeeks\":20}",
            [new DecisionReason("PastFeeFreePoint", true, "20 continuous weeks: past the fee-free 14 weeks."), new DecisionReason("CoversAVacancy", true, "The requisition covers a vacancy.")],
            "nightly job", Clocks.Now.AddMinutes(-2)).About(placementId: placement.Id);
        return new ConversionPrompt(placement.Id, placement.WorkerId, placement.ServiceAreaId,
            new ConversionCosts(12_345.67m, 98_765.43m, 54_321.09m, transferFeeMayApply: false), decision, Clocks.Today, Clocks.Now.AddMinutes(-2));
    }

    private static PlacementFlag Flag(int placementId, PlacementFlagKind kind, DateTimeOffset at) =>
        new(placementId, kind, "Week 13: past the 12-week Agency Workers Regulations point.", "AwrQualified", new string('a', 64), Clocks.Today, at);
}
