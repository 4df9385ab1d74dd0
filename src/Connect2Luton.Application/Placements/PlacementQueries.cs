using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements;

public sealed record PlacementListItem(PlacementRow Row, string Worker, string ServiceArea, string JobRole, string Supplier, int WeeksInPost);

/// <summary>The placements list and its export. A hiring manager sees their own service's only.</summary>
public sealed class PlacementQueries(
    IReadRepository<Placement> placements,
    IReadRepository<Worker> workers,
    ReferenceNames names,
    SingleFlightCache counts,
    ChangeCounters changes,
    DataScope scope,
    TimeProvider clock)
{
    private const int ExportBatch = 500;

    /// <param name="after">The last row of the page before, where the user came from it (its Next link).</param>
    /// <param name="before">The first row of the page after, where the user came from it (its Previous link).</param>
    public async Task<PagedResult<PlacementListItem>> ListAsync(
        PlacementFilter filter, PageRequest page, CancellationToken cancellationToken, PlacementCursor? after = null, PlacementCursor? before = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var today = clock.Today();
        var (areaIds, roleIds) = await ScopeAsync(filter, cancellationToken);
        var list = string.Create(CultureInfo.InvariantCulture, $"placements|{filter}|{ScopeKey()}|{today:yyyy-MM-dd}|{changes.Of<Placement>()}");
        var total = await counts.GetAsync($"count|{list}",
            () => placements.CountAsync(PlacementPageIdsSpec.Matching(filter, today, areaIds, roleIds), cancellationToken), _ => 1, cancellationToken);
        page = page.Within(total);
        // A cursor only stands for the page next to the one it came from; page 1 is always read from the top.
        var spec = PlacementPageIdsSpec.Page(filter, today, areaIds, roleIds, page, total, page.Page == 1 ? null : after, page.Page == 1 ? null : before);
        async Task<List<int>> ReadIdsAsync()
        {
            var read = await placements.ListAsync(spec, cancellationToken);
            if (read.Count == 0 && spec.ReadsOnFromAnEdge)
            {
                // An edge past either end of the list (an edited address, or rows gone since the link was made): the page is counted to instead.
                spec = PlacementPageIdsSpec.Page(filter, today, areaIds, roleIds, page, total);
                read = await placements.ListAsync(spec, cancellationToken);
            }
            if (spec.ReadBackwards) read.Reverse();
            return read;
        }
        // A page counted to (a number typed into the address, with no neighbour's edge to read on from) walks the
        // index up to it: 49 ms half way down 300,000. Its ids are kept until the list changes, so people asking for
        // the same page at once count to it once.
        var ids = spec.CountsToThePage
            ? await counts.GetAsync(string.Create(CultureInfo.InvariantCulture, $"page|{list}|{page.Page}|{page.Size}"), ReadIdsAsync, read => read.Count, cancellationToken)
            : await ReadIdsAsync();
        var byId = (await placements.ListAsync(new PlacementRowsSpec(ids), cancellationToken)).ToDictionary(r => r.Id);
        var rows = new PagedResult<PlacementRow>(ids.Select(id => byId[id]).ToList(), page.Page, page.Size, total);
        var lookup = await LookupAsync(cancellationToken);
        var workerNames = await WorkerNamesAsync(rows.Items, cancellationToken);
        return rows.Map(r => Item(r, workerNames, lookup, today));
    }

    /// <summary>
    /// Every placement the filter matches, for the CSV export: their ids first, in the list's order (four bytes a
    /// placement, the reader closed when they are read), then their rows and workers' names a batch at a time. No
    /// query runs while another's reader is open, which SQL Server without MARS refuses.
    /// </summary>
    public async IAsyncEnumerable<PlacementListItem> ExportAsync(PlacementFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var lookup = await LookupAsync(cancellationToken);
        var (areaIds, roleIds) = await ScopeAsync(filter, cancellationToken);
        var ids = await placements.ListAsync(new PlacementListIdsSpec(filter, today, areaIds, roleIds), cancellationToken);
        foreach (var batch in ids.Chunk(ExportBatch))
        {
            var byId = (await placements.ListAsync(new PlacementRowsSpec(batch), cancellationToken)).ToDictionary(r => r.Id);
            // A placement gone between the two reads is left out, not guessed at.
            foreach (var item in await ItemsAsync([.. batch.Where(byId.ContainsKey).Select(id => byId[id])], lookup, today, cancellationToken)) yield return item;
        }
    }

    private async Task<List<PlacementListItem>> ItemsAsync(List<PlacementRow> rows, Lookup lookup, DateOnly today, CancellationToken cancellationToken)
    {
        var workerNames = await WorkerNamesAsync(rows, cancellationToken);
        return rows.Select(r => Item(r, workerNames, lookup, today)).ToList();
    }

    private string ScopeKey() => scope.OnlyServiceArea is { } area ? $"service {area}" : "all";


    private async Task<(IReadOnlyCollection<int>? AreaIds, IReadOnlyCollection<int>? RoleIds)> ScopeAsync(PlacementFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var areaIds = await names.OfOrganisationAsync(scope.Within(filter.ServiceAreaId), filter.HiringOrganisationId, cancellationToken);
        IReadOnlyCollection<int>? roleIds = filter.Family is { } family
            ? (await names.JobRolesAsync(cancellationToken)).Where(r => r.JobFamily == family).Select(r => r.Id).ToList()
            : null;
        return (areaIds, roleIds);
    }

    private async Task<Dictionary<int, string>> WorkerNamesAsync(IReadOnlyCollection<PlacementRow> rows, CancellationToken cancellationToken) =>
        rows.Count == 0
            ? []
            : (await workers.ListAsync(new WorkerNamesSpec(rows.Select(r => r.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);

    private async Task<Lookup> LookupAsync(CancellationToken cancellationToken) => new(
        (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name),
        (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title),
        (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name));

    private static PlacementListItem Item(PlacementRow r, Dictionary<int, string> workerNames, Lookup lookup, DateOnly today) => new(
        r,
        workerNames.GetValueOrDefault(r.WorkerId, "?"),
        lookup.Areas.GetValueOrDefault(r.ServiceAreaId, "?"),
        lookup.Roles.GetValueOrDefault(r.JobRoleId, "?"),
        lookup.Suppliers.GetValueOrDefault(r.SupplyAgencyId, "?"),
        WeeksInPost(r, today));

    // Any part of a week counts as a week, as it does for the Agency Workers Regulations. A booking that never started
    // (still waiting for sign-off, or called off) has none.
    private static int WeeksInPost(PlacementRow row, DateOnly today)
    {
        if (row.Status is PlacementStatus.AwaitingSignOff or PlacementStatus.Cancelled) return 0;
        var last = row.ActualEndDate ?? (today < row.PlannedEndDate ? today : row.PlannedEndDate);
        return PlacementCalendar.WeeksSpanned(row.StartDate, last);
    }

    private sealed record Lookup(Dictionary<int, string> Areas, Dictionary<int, string> Roles, Dictionary<int, string> Suppliers);
}
