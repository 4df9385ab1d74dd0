using System.Data.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Connect2Luton.Infrastructure.Tests.Persistence;

/// <summary>
/// With Database:RetryOnFailure on SQL Server, EF Core refuses a transaction the app begins itself unless it runs
/// through the execution strategy. Here SQLite is given a retrying strategy of the same kind, and a fault it treats
/// as transient, so the unit of work's saves are retried as they would be there.
/// </summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_save_that_meets_one_transient_fault_is_retried_and_lands_once_with_its_audit_entry()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var fault = new FailsOnce(FaultAt.FirstInsert);
        await using (var db = Retrying(database, fault))
        {
            db.Add(A.ServiceArea("HSG", childrens: false));

            (await new UnitOfWork(db).SaveChangesAsync()).ShouldBe(SaveResult.Saved);
        }

        fault.Thrown.ShouldBe(1);
        await using var check = database.CreateContext();
        (await check.ServiceAreas.CountAsync()).ShouldBe(1);
        (await check.AuditEntries.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_save_made_on_the_context_itself_as_sign_in_and_the_outbox_make_them_is_retried_and_lands_once()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var fault = new FailsOnce(FaultAt.FirstInsert);
        await using (var db = Retrying(database, fault))
        {
            db.Add(A.ServiceArea("HSG", childrens: false));

            await db.SaveChangesAsync();
        }

        fault.Thrown.ShouldBe(1);
        await using var check = database.CreateContext();
        (await check.ServiceAreas.CountAsync()).ShouldBe(1);
        (await check.AuditEntries.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Work_in_one_transaction_is_run_again_whole_after_a_transient_fault_and_what_its_first_try_made_is_not_kept()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var fault = new FailsOnce(FaultAt.FirstInsert);
        var tries = 0;
        await using (var db = Retrying(database, fault))
        {
            var unit = new UnitOfWork(db);

            var outcome = await unit.InOneTransactionAsync(async ct =>
            {
                tries++;
                db.Add(A.ServiceArea("HSG", childrens: false));
                return await unit.SaveChangesAsync(ct);
            }, saved => !saved.IsConflict);

            outcome.ShouldBe(SaveResult.Saved);
        }

        tries.ShouldBe(2);
        await using var check = database.CreateContext();
        (await check.ServiceAreas.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_fault_after_part_of_a_save_was_written_is_not_retried_and_nothing_is_kept()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var fault = new FailsOnce(FaultAt.Commit);
        await using (var db = Retrying(database, fault))
        {
            db.Add(A.ServiceArea("HSG", childrens: false));

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => new UnitOfWork(db).SaveChangesAsync());

            refused.Message.ShouldContain("not retried");
        }

        fault.Thrown.ShouldBe(1);
        await using var check = database.CreateContext();
        (await check.ServiceAreas.CountAsync()).ShouldBe(0);
    }

    private static SqliteAppDbContext Retrying(SqliteTestDatabase database, FailsOnce fault)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        SqliteAppDbContext.Configure(options, database.ConnectionString);
        options.UseSqlite(database.ConnectionString, sqlite => sqlite.ExecutionStrategy(dependencies => new RetriesTheFault(dependencies)));
        options.AddInterceptors(fault);
        return new SqliteAppDbContext(options.Options, TestUser.Recruiter, Clocks.Fixed());
    }

    private sealed class TransientFault() : Exception("A fault the strategy retries, as SQL Server's retrying strategy retries a dropped connection.");

    private sealed class RetriesTheFault(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(10))
    {
        protected override bool ShouldRetryOn(Exception exception) => CallOnWrappedException(exception, e => e is TransientFault);
    }

    private enum FaultAt
    {
        FirstInsert,
        Commit,
    }

    private sealed class FailsOnce(FaultAt at) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public int Thrown { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (at == FaultAt.FirstInsert && command.CommandText.Contains("INSERT", StringComparison.Ordinal)) Throw();
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            if (at == FaultAt.Commit) Throw();
            return ValueTask.FromResult(result);
        }

        private void Throw()
        {
            if (Thrown > 0) return;
            Thrown++;
            throw new TransientFault();
        }
    }
}
