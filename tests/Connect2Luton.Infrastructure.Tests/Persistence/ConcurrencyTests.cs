using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Infrastructure.Persistence.Specifications;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Tests.Persistence;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        _reference = await ReferenceData.SaveAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_second_of_two_people_saving_the_same_worker_gets_a_conflict_and_the_first_change_stands()
    {
        var workerId = await SaveAsync(A.Worker().SuppliedBy(_reference.Agency.Id).Build());
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await first.Workers.SingleAsync(w => w.Id == workerId);
        var theirs = await second.Workers.SingleAsync(w => w.Id == workerId);

        mine.RecordDbs(new DbsCheck(Clocks.Today, DbsLevel.Enhanced, "000000000001", true));
        (await new UnitOfWork(first).SaveChangesAsync()).IsConflict.ShouldBeFalse();
        theirs.RecordDbs(new DbsCheck(Clocks.Today, DbsLevel.Basic, "000000000002", false));
        var result = await new UnitOfWork(second).SaveChangesAsync();

        result.IsConflict.ShouldBeTrue();
        result.Conflict.ShouldBe("Someone else saved a change to this worker while you were working on it. Nothing you entered has been saved: check the latest details and make your change again.");
        await using var read = _database.CreateContext();
        var saved = await read.Workers.SingleAsync(w => w.Id == workerId);
        saved.Dbs!.CertificateNumber.ShouldBe("000000000001");
        saved.Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_form_posted_against_an_old_version_is_refused()
    {
        var workerId = await SaveAsync(A.Worker().SuppliedBy(_reference.Agency.Id).Build());
        await using (var db = _database.CreateContext())
        {
            (await db.Workers.SingleAsync(w => w.Id == workerId)).Deactivate();
            await db.SaveChangesAsync();
        }

        await using var late = _database.CreateContext();
        var repository = new EfRepository<Worker>(late);
        var worker = (await repository.GetByIdAsync(workerId))!;
        repository.ExpectVersion(worker, version: 0);
        worker.Reactivate();

        (await new UnitOfWork(late).SaveChangesAsync()).IsConflict.ShouldBeTrue();
    }

    [Fact]
    public async Task Changing_only_a_part_of_an_aggregate_still_raises_its_version()
    {
        var requisitionId = await SaveAsync(A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open());
        var workerIds = new[]
        {
            await SaveAsync(A.Worker().SuppliedBy(_reference.Agency.Id).Build()),
            await SaveAsync(A.Worker().SuppliedBy(_reference.Agency.Id).Build()),
        };
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await first.Requisitions.Include(r => r.Shortlist).SingleAsync(r => r.Id == requisitionId);
        var theirs = await second.Requisitions.Include(r => r.Shortlist).SingleAsync(r => r.Id == requisitionId);

        mine.AddToShortlist(workerIds[0], "Local", 30, null, "r1", Clocks.Now);
        (await new UnitOfWork(first).SaveChangesAsync()).IsConflict.ShouldBeFalse();
        theirs.AddToShortlist(workerIds[1], "Local", 30, null, "r2", Clocks.Now);

        (await new UnitOfWork(second).SaveChangesAsync()).IsConflict.ShouldBeTrue();
        await using var read = _database.CreateContext();
        var saved = await read.Requisitions.Include(r => r.Shortlist).SingleAsync(r => r.Id == requisitionId);
        saved.Version.ShouldBe(1);
        saved.Shortlist.ShouldHaveSingleItem().WorkerId.ShouldBe(workerIds[0]);
    }

    [Fact]
    public async Task Removing_a_part_of_an_aggregate_raises_its_version_so_someone_saving_over_the_removal_gets_a_conflict()
    {
        var workerId = await SaveAsync(A.Worker().SuppliedBy(_reference.Agency.Id).WithChecks().Build());
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await first.Workers.SingleAsync(w => w.Id == workerId);
        var theirs = await second.Workers.SingleAsync(w => w.Id == workerId);

        mine.RecordRegistration(null);
        (await new UnitOfWork(first).SaveChangesAsync()).IsConflict.ShouldBeFalse();
        theirs.RecordDbs(new DbsCheck(Clocks.Today, DbsLevel.Basic, "000000000002", false));

        (await new UnitOfWork(second).SaveChangesAsync()).IsConflict.ShouldBeTrue();
        await using var read = _database.CreateContext();
        var saved = await read.Workers.SingleAsync(w => w.Id == workerId);
        saved.Registration.ShouldBeNull();
        saved.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Two_admins_saving_one_service_name_in_different_cases_at_once_give_one_service_and_a_conflict_not_an_error()
    {
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        first.ServiceAreas.Add(new Domain.ServiceAreas.ServiceArea("PLN", "Planning and Building Control", "Place", false, null));
        second.ServiceAreas.Add(new Domain.ServiceAreas.ServiceArea("PBC", "PLANNING AND BUILDING CONTROL", "Place", false, null));

        (await new UnitOfWork(first).SaveChangesAsync()).IsConflict.ShouldBeFalse();
        var result = await new UnitOfWork(second).SaveChangesAsync();

        result.Conflict.ShouldBe("Someone else saved a service area with the same name at the same moment. Nothing you entered has been saved: check the latest details and try again.");
        await using var read = _database.CreateContext();
        (await read.ServiceAreas.CountAsync(a => a.Code == "PLN" || a.Code == "PBC")).ShouldBe(1);
    }

    private async Task<int> SaveAsync<T>(T aggregate) where T : Domain.Common.AggregateRoot
    {
        await using var db = _database.CreateContext();
        db.Add(aggregate);
        await db.SaveChangesAsync();
        return aggregate.Id;
    }
}
