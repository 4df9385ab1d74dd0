using System.Text.Json;
using Connect2Luton.Domain.Auditing;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Tests.Persistence;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private static readonly TestUser Recruiter = new("amira@connect2luton.local", ["Recruiter"]);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_change_is_recorded_with_who_made_it_when_and_the_values_before_and_after()
    {
        int workerId;
        await using (var db = _database.CreateContext(Recruiter))
        {
            var reference = await ReferenceData.SaveAsync(db);
            var worker = A.Worker().LivingIn("LU2 7AB").SuppliedBy(reference.Agency.Id).Build();
            db.Add(worker);
            await db.SaveChangesAsync();
            workerId = worker.Id;
        }

        await using (var db = _database.CreateContext(Recruiter, Clocks.Fixed(Clocks.Now.AddHours(2))))
        {
            var worker = await db.Workers.SingleAsync(w => w.Id == workerId);
            worker.RecordDbs(new DbsCheck(Clocks.Today, DbsLevel.EnhancedWithBarredLists, "001122334455", true));
            worker.Deactivate();
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var trail = await read.AuditEntries.Where(a => a.EntityType == nameof(Worker) && a.EntityId == workerId.ToString()).OrderBy(a => a.Id).ToListAsync();
        trail.Select(a => a.Action).ShouldBe([AuditAction.Added, AuditAction.Changed]);
        trail.ShouldAllBe(a => a.UserName == "amira@connect2luton.local");
        trail[1].At.ShouldBe(Clocks.Now.AddHours(2));
        var changes = JsonDocument.Parse(trail[1].ChangesJson).RootElement;
        changes.GetProperty("IsActive").GetProperty("from").GetBoolean().ShouldBeTrue();
        changes.GetProperty("IsActive").GetProperty("to").GetBoolean().ShouldBeFalse();
        changes.GetProperty("Dbs.CertificateNumber").GetProperty("to").GetString().ShouldBe("001122334455");
    }

    [Fact]
    public async Task Passwords_and_security_stamps_never_reach_the_audit_trail()
    {
        await using (var db = _database.CreateContext(Recruiter))
        {
            db.Users.Add(new ApplicationUser { UserName = "new@connect2luton.local", Email = "new@connect2luton.local", PasswordHash = "secret-hash", SecurityStamp = "stamp" });
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var entry = await read.AuditEntries.SingleAsync(a => a.EntityType == nameof(ApplicationUser));
        entry.ChangesJson.ShouldContain("new@connect2luton.local");
        entry.ChangesJson.ShouldNotContain("secret-hash");
        entry.ChangesJson.ShouldNotContain("stamp");
    }

    [Fact]
    public async Task A_save_and_its_audit_entries_land_together()
    {
        await using var db = _database.CreateContext(Recruiter);
        var reference = await ReferenceData.SaveAsync(db);
        var before = await db.AuditEntries.CountAsync();

        db.Add(A.Worker().SuppliedBy(reference.Agency.Id).Build());
        db.Add(A.Worker().SuppliedBy(999_999).Build());
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var read = _database.CreateContext();
        (await read.Workers.CountAsync()).ShouldBe(0);
        (await read.AuditEntries.CountAsync()).ShouldBe(before);
    }
}
