using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Timesheets;

/// <summary>A placement live in a week, as the reminders read it.</summary>
public sealed record LivePlacementRow(int Id, int WorkerId, int SupplyAgencyId, int ServiceAreaId, int JobRoleId);

/// <summary>A live placement whose week has no hours sent, with names to show.</summary>
public sealed record MissingTimesheet(LivePlacementRow Placement, string Worker, string JobRole, string ServiceArea, string Supplier);

/// <summary>
/// Live placements with no hours sent for a week (none entered, saved and not sent, or queried back): the reminders' list, read in
/// batches of placement ids over the index of live placements, each batch's sent weeks read beside it by the
/// timesheets' unique index.
/// </summary>
public sealed class MissingTimesheets(
    IReadRepository<Placement> placements,
    IReadRepository<Timesheet> timesheets,
    IReadRepository<Domain.Workers.Worker> workers,
    ReferenceNames names)
{
    public const int BatchSize = 1_000;

    /// <summary>
    /// A batch of the placements live in the week after <paramref name="afterId"/>: those with nothing sent, how many
    /// were read, and the last id read (0 when none was).
    /// </summary>
    public async Task<(IReadOnlyList<LivePlacementRow> Missing, int Read, int LastId)> BatchAsync(DateOnly weekStart, IReadOnlyCollection<int>? serviceAreas, int afterId, int take, CancellationToken cancellationToken)
    {
        var live = await placements.ListAsync(new LiveInWeekSpec(weekStart, serviceAreas, afterId, take), cancellationToken);
        if (live.Count == 0) return ([], 0, 0);
        var sent = (await timesheets.ListAsync(new SentWeekSpec([.. live.Select(p => p.Id)], weekStart), cancellationToken)).ToHashSet();
        return ([.. live.Where(p => !sent.Contains(p.Id))], live.Count, live[^1].Id);
    }

    /// <summary>Up to <paramref name="most"/> missing, in the services given (null: every one), with whether there are more.</summary>
    public async Task<(IReadOnlyList<MissingTimesheet> Rows, bool More)> ListAsync(DateOnly weekStart, IReadOnlyCollection<int>? serviceAreas, int most, CancellationToken cancellationToken)
    {
        var found = new List<LivePlacementRow>();
        var afterId = 0;
        while (found.Count <= most)
        {
            var (missing, _, last) = await BatchAsync(weekStart, serviceAreas, afterId, BatchSize, cancellationToken);
            if (last == 0) break;
            found.AddRange(missing);
            afterId = last;
        }
        var shown = found.Take(most).ToList();
        return (await NameAsync(shown, cancellationToken), found.Count > most);
    }

    /// <summary>
    /// Every one missing in the services given (null: every one), for the CSV: a batch of placements read, then its
    /// sent weeks and names, before the next is read, so no query waits on another's open reader.
    /// </summary>
    public async IAsyncEnumerable<MissingTimesheet> EveryAsync(DateOnly weekStart, IReadOnlyCollection<int>? serviceAreas,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var afterId = 0; ;)
        {
            var (missing, _, last) = await BatchAsync(weekStart, serviceAreas, afterId, BatchSize, cancellationToken);
            if (last == 0) yield break;
            foreach (var row in await NameAsync(missing, cancellationToken)) yield return row;
            afterId = last;
        }
    }

    public async Task<IReadOnlyList<MissingTimesheet>> NameAsync(IReadOnlyList<LivePlacementRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec([.. rows.Select(r => r.WorkerId).Distinct()]), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var suppliers = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return [.. rows.Select(r => new MissingTimesheet(r, workerNames.GetValueOrDefault(r.WorkerId, "(no longer on record)"), roles.GetValueOrDefault(r.JobRoleId, "(no longer on record)"),
            areas.GetValueOrDefault(r.ServiceAreaId, "(no longer on record)"), suppliers.GetValueOrDefault(r.SupplyAgencyId, "(no longer on record)")))];
    }
}

/// <summary>Placements running on some day of a week (started by its end, not ended before its start), by id.</summary>
public sealed class LiveInWeekSpec : Specification<Placement, LivePlacementRow>
{
    public LiveInWeekSpec(DateOnly weekStart, IReadOnlyCollection<int>? serviceAreas, int afterId, int take)
    {
        Query.Where(RanInWeek.Of(weekStart)).Where(p => p.Id > afterId);
        if (serviceAreas is not null) Query.Where(p => serviceAreas.Contains(p.ServiceAreaId));
        Query.OrderBy(p => p.Id).Take(take);
        Query.Select(p => new LivePlacementRow(p.Id, p.WorkerId, p.SupplyAgencyId, p.ServiceAreaId, p.JobRoleId));
    }
}

/// <summary>Of some placements, those with hours sent for a week: waiting for approval or approved (a week queried back is not sent).</summary>
public sealed class SentWeekSpec : Specification<Timesheet, int>
{
    public SentWeekSpec(IReadOnlyCollection<int> placementIds, DateOnly weekStart)
    {
        Query.Where(t => placementIds.Contains(t.PlacementId) && t.WeekStart == weekStart && (t.Status == TimesheetStatus.Submitted || t.Status == TimesheetStatus.Approved));
        Query.Select(t => t.PlacementId);
    }
}
