using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Persistence;

/// <summary>Cached lists are keyed by change counters, so a counter must move exactly when a change is committed.</summary>
public sealed class ChangeCountingTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private ChangeCounters _counters = null!;
    private int _workerId;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = TestServices.For(_database);
        _counters = _services.GetRequiredService<ChangeCounters>();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reference = await ReferenceData.SaveAsync(db);
        var worker = A.Worker().SuppliedBy(reference.Agency.Id).Build();
        db.Add(worker);
        await db.SaveChangesAsync();
        _workerId = worker.Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_saved_change_to_a_worker_moves_the_worker_counter_and_no_other()
    {
        var workers = _counters.Of<Worker>();
        var requisitions = _counters.Of<Requisition>();

        await ChangeWorkerAsync(db => db.SaveChangesAsync());

        _counters.Of<Worker>().ShouldBe(workers + 1);
        _counters.Of<Requisition>().ShouldBe(requisitions);
    }

    [Fact]
    public async Task A_change_inside_a_transaction_is_counted_when_it_commits_and_not_before()
    {
        var before = _counters.Of<Worker>();

        await ChangeWorkerAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            _counters.Of<Worker>().ShouldBe(before, "a reader could still see the old rows: the change is not committed");
            await transaction.CommitAsync();
        });

        _counters.Of<Worker>().ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_change_rolled_back_or_refused_as_a_conflict_is_not_counted()
    {
        var before = _counters.Of<Worker>();

        await ChangeWorkerAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        await ChangeWorkerAsync(async db =>
        {
            db.Entry(await db.Workers.SingleAsync(w => w.Id == _workerId)).Property(w => w.Version).OriginalValue = 99;
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });

        _counters.Of<Worker>().ShouldBe(before);
    }

    private async Task ChangeWorkerAsync(Func<AppDbContext, Task> save)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var worker = await db.Workers.SingleAsync(w => w.Id == _workerId);
        worker.RecordDbs(new DbsCheck(Clocks.Today, DbsLevel.Enhanced, $"{Random.Shared.NextInt64(100_000_000_000, 999_999_999_999)}", true));
        await save(db);
    }
}
