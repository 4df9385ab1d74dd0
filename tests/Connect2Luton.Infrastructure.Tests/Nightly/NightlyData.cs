using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Nightly;

/// <summary>Live placements for the nightly jobs to find: each a worker with checks, placed against an open vacancy.</summary>
internal sealed class NightlyData(SqliteTestDatabase database, ReferenceData reference)
{
    public static async Task<NightlyData> CreateAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateContext();
        return new NightlyData(database, await ReferenceData.SaveAsync(db));
    }

    public ReferenceData Reference => reference;

    /// <summary>A live social work placement that started on <paramref name="start"/> and runs for a year.</summary>
    public async Task<Placement> PlacementStartingAsync(DateOnly start, decimal pay = 32m, RequisitionReason reason = RequisitionReason.VacancyCover)
    {
        await using var db = database.CreateContext();
        var worker = A.Worker().SuppliedBy(reference.Agency.Id).WithChecks().Build();
        var requisition = A.Requisition().In(reference.Area.Id, reference.Role.Id, reference.Manager.Id).Starting(start).Covering(reason).Open();
        db.AddRange(worker, requisition);
        await db.SaveChangesAsync();
        var placement = Placement.Book(requisition, worker, new PlacementBooking(A.Rates(pay), 37m, start, start.AddDays(364)), null, [], "recruiter@test.local", Clocks.Now);
        db.Add(placement);
        await db.SaveChangesAsync();
        return placement;
    }

    public async Task RecordBreakAsync(int workerId, DateOnly from, DateOnly to, BreakReason reason)
    {
        await using var db = database.CreateContext();
        var worker = db.Workers.Single(w => w.Id == workerId);
        db.Entry(worker).Collection(w => w.Breaks).Load();
        worker.RecordBreak(from, to, reason, null, "recruiter@test.local", Clocks.Now);
        await db.SaveChangesAsync();
    }

    public AppDbContext Read() => database.CreateContext();
}
