using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements;

public sealed record PlacementListItem(PlacementRow Row, string Worker, string ServiceArea, string JobRole, int WeeksInPost);

/// <summary>The placements list. A hiring manager sees their own service's only.</summary>
public sealed class PlacementQueries(
    IReadRepository<Placement> placements,
    IReadRepository<Worker> workers,
    ReferenceNames names,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<PagedResult<PlacementListItem>> ListAsync(bool liveOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var scope = user.IsInRole(Roles.HiringManager) ? user.ServiceAreaId ?? -1 : (int?)null;
        var rows = await placements.PageAsync(new PlacementListSpec(liveOnly ? today : null, scope, page), cancellationToken);
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec(rows.Items.Select(r => r.WorkerId).Distinct().ToList()), cancellationToken))
            .ToDictionary(w => w.Id, w => w.Name);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        return rows.Map(r => new PlacementListItem(
            r,
            workerNames.GetValueOrDefault(r.WorkerId, "?"),
            areas.GetValueOrDefault(r.ServiceAreaId, "?"),
            roles.GetValueOrDefault(r.JobRoleId, "?"),
            WeeksInPost(r, today)));
    }

    // Any part of a week counts as a week, as it does for the Agency Workers Regulations.
    private static int WeeksInPost(PlacementRow row, DateOnly today)
    {
        var last = row.ActualEndDate ?? (today < row.PlannedEndDate ? today : row.PlannedEndDate);
        return last < row.StartDate ? 0 : (last.DayNumber - row.StartDate.DayNumber) / 7 + 1;
    }
}
