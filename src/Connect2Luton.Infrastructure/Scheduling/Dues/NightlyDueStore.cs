using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Scheduling.Dues;

/// <summary>
/// The due days in three small tables: a row per placement and check (its key the check and the placement, so a
/// night finds each placement's row by its key), a row per save that touched a worker's placements, and the
/// basis each check's rows were worked out under.
/// </summary>
internal sealed class NightlyDueStore(AppDbContext db, BulkInsert<NightlyDue> rows, TimeProvider clock) : INightlyDues
{
    /// <summary>
    /// How long before reading a save may have begun and still not be seen: a save is noted as it begins and
    /// committed when its transaction ends, which for an import confirmed in one transaction can be minutes later,
    /// so a decision read in between must not count it as seen. A save in the hour before a batch is read makes its
    /// placements due again the next night, which costs little at night.
    /// </summary>
    private static readonly TimeSpan SavesStillCommitting = TimeSpan.FromHours(1);

    /// <summary>
    /// Saves older than any due day still trusted could have been read from no longer matter: a day is noted at most a
    /// fortnight ahead (<see cref="NightlyLookahead"/>), so a row still trusted was read within a fortnight.
    /// </summary>
    private static readonly TimeSpan ChangesKept = TimeSpan.FromDays(15);

    // Raised when the way due days are worked out changes, so a new release does not trust days an older one noted.
    private const string LookaheadVersion = "2";

    public async Task BeginAsync(string check, string rules, CancellationToken cancellationToken)
    {
        var roles = await db.JobRoles.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Versions = g.Sum(r => (long)r.Version), Last = g.Max(r => r.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        var basis = $"{LookaheadVersion}; rules {rules}; job roles {roles?.Count ?? 0}/{roles?.Versions ?? 0}/{roles?.Last ?? 0}";
        var stored = await db.Set<NightlyBasis>().FirstOrDefaultAsync(b => b.Check == check, cancellationToken);
        if (stored?.Basis == basis) return;
        await db.Set<NightlyDue>().Where(d => d.Check == check).ExecuteDeleteAsync(cancellationToken);
        if (stored is null) db.Set<NightlyBasis>().Add(new NightlyBasis { Check = check, Basis = basis });
        else stored.Basis = basis;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<int>> DueAfterAsync(string check, int afterId, DateOnly today, int take, CancellationToken cancellationToken) =>
        db.Placements.AsNoTracking()
            .Where(p => p.Id > afterId && p.Status == PlacementStatus.Active && p.StartDate <= today
                && !db.Set<NightlyDue>().Any(d => d.Check == check && d.PlacementId == p.Id && d.DueOn > today
                    && !db.Set<NightlyChange>().Any(c => c.WorkerId == p.WorkerId && c.At >= d.ReadFrom)))
            .OrderBy(p => p.Id).Take(take).Select(p => p.Id)
            .ToListAsync(cancellationToken);

    public long ReadingFrom() => (clock.GetUtcNow() - SavesStillCommitting).ToUnixTimeMilliseconds();

    public async Task NoteAsync(string check, IReadOnlyDictionary<int, DateOnly> due, long readFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0) return;
        // Forgotten before the batch's unit of work writes the new days: if that fails, the placements are due, which is safe.
        var ids = due.Keys.ToList();
        await db.Set<NightlyDue>().Where(d => d.Check == check && ids.Contains(d.PlacementId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var (placementId, dueOn) in due) rows.Add(new NightlyDue { Check = check, PlacementId = placementId, DueOn = dueOn, ReadFrom = readFrom });
    }

    public async Task TidyAsync(string check, DateOnly today, CancellationToken cancellationToken)
    {
        // A row whose day has come and that the run did not replace is a placement no longer live.
        await db.Set<NightlyDue>().Where(d => d.Check == check && d.DueOn <= today).ExecuteDeleteAsync(cancellationToken);
        var before = (clock.GetUtcNow() - ChangesKept).ToUnixTimeMilliseconds();
        await db.Set<NightlyChange>().Where(c => c.At < before).ExecuteDeleteAsync(cancellationToken);
    }
}
