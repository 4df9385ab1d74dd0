using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Connect2Luton.Infrastructure.Scheduling.Dues;

/// <summary>
/// Notes, with each save, the workers whose placements the nightly checks may now decide differently: a placement
/// booked, changed or ended (the worker's others count it in their AWR clock and continuous run), the worker
/// changed (documents, registration, interest in a permanent job), a break recorded, a prompt acted on, or the
/// reason of a requisition changed. Job roles and rules change what every placement is decided on, so they make
/// every placement due instead (<see cref="NightlyDueStore.BeginAsync"/>).
/// </summary>
internal static class NightlyChanges
{
    public static async Task NoteAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var workers = new HashSet<int>();
        var requisitions = new List<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Placement placement:
                    workers.Add(placement.WorkerId);
                    if (entry.State == EntityState.Modified && Original(entry, nameof(Placement.WorkerId)) is int before) workers.Add(before);
                    break;
                case Worker worker when entry.State != EntityState.Added:
                    workers.Add(worker.Id);
                    break;
                case WorkerBreak recorded:
                    workers.Add(recorded.WorkerId);
                    break;
                case ConversionPrompt prompt when entry.State != EntityState.Added:
                    workers.Add(prompt.WorkerId);
                    break;
                case Requisition requisition when entry.State == EntityState.Modified && entry.Property(nameof(Requisition.Reason)).IsModified:
                    requisitions.Add(requisition.Id);
                    break;
            }
        }
        if (requisitions.Count > 0)
            workers.UnionWith(await db.Placements.AsNoTracking().Where(p => requisitions.Contains(p.RequisitionId)).Select(p => p.WorkerId).ToListAsync(cancellationToken));
        workers.Remove(0);
        if (workers.Count == 0) return;
        var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        db.Set<NightlyChange>().AddRange(workers.Select(w => new NightlyChange { WorkerId = w, At = at }));
    }

    private static object? Original(EntityEntry entry, string property) => entry.Property(property).OriginalValue;
}
