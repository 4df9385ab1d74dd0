using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

public sealed record RequisitionListItem(RequisitionRow Row, string ServiceArea, string JobRole);

/// <summary>The requisitions list, its export and a requisition's page. A hiring manager sees their own service's only.</summary>
public sealed class RequisitionQueries(
    IReadRepository<Requisition> requisitions,
    IReadRepository<HiringManager> managers,
    ReferenceNames names,
    RequisitionPermissions permissions,
    SingleFlightCache counts,
    ChangeCounters changes)
{
    public async Task<PagedResult<RequisitionListItem>> ListAsync(RequisitionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var spec = await SpecAsync(filter, cancellationToken);
        // The total only moves when a requisition (or the roles a family holds) does, and counting a status's
        // requisitions of a family reads each one: it is kept until then, as the other lists keep theirs.
        var key = string.Create(CultureInfo.InvariantCulture,
            $"count|requisitions|{filter}|{permissions.ScopeServiceAreaId}|{changes.Of<Requisition>()}|{changes.Of<Domain.JobRoles.JobRole>()}");
        var total = await counts.GetAsync(key, () => requisitions.CountAsync(spec(null), cancellationToken), _ => 1, cancellationToken);
        page = page.Within(total);
        var rows = await requisitions.ListAsync(spec(page), cancellationToken);
        var (areas, roles) = await NamesAsync(cancellationToken);
        return new PagedResult<RequisitionRow>(rows, page.Page, page.Size, total).Map(r => Item(r, areas, roles));
    }

    /// <summary>Every requisition the filter matches, streamed, for a CSV export.</summary>
    public async IAsyncEnumerable<RequisitionListItem> ExportAsync(RequisitionFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var spec = (await SpecAsync(filter, cancellationToken))(null);
        var (areas, roles) = await NamesAsync(cancellationToken);
        await foreach (var row in requisitions.StreamAsync(spec, cancellationToken)) yield return Item(row, areas, roles);
    }

    public async Task<RequisitionView?> DetailsAsync(int id, CancellationToken cancellationToken)
    {
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(id), cancellationToken);
        if (requisition is null || !permissions.CanSee(requisition)) return null;
        var (areas, roles) = await NamesAsync(cancellationToken);
        // Whoever asked is named however they stand now: moved to another service, or deactivated since.
        var manager = await managers.FirstOrDefaultAsync(new HiringManagerRowsSpec(requisition.HiringManagerId), cancellationToken);
        return new RequisitionView(
            requisition.Id, requisition.Version, requisition.Title, requisition.ServiceAreaId, areas.GetValueOrDefault(requisition.ServiceAreaId, "?"),
            requisition.JobRoleId, roles.GetValueOrDefault(requisition.JobRoleId, "?"), manager is null ? "?" : manager.IsActive ? manager.Name : $"{manager.Name} (no longer a hiring manager)", requisition.HiringManagerId,
            requisition.Reason, requisition.Description, requisition.WeeklyHours, requisition.StartDate, requisition.EndDate, requisition.MaximumPayRate,
            requisition.Positions, requisition.PositionsFilled, requisition.IsProjectTeam, requisition.Status, requisition.RaisedBy, requisition.RaisedAt,
            requisition.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new RequisitionStep(e.From, e.To, e.By, e.At, e.Note)).ToList(),
            permissions.Available(requisition),
            permissions.Permitted(requisition))
        {
            ApprovalNote = permissions.ApprovalNote(requisition),
        };
    }

    /// <summary>The filter's criteria, reading a given page (or, given none, every match).</summary>
    private async Task<Func<PageRequest?, RequisitionListSpec>> SpecAsync(RequisitionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IReadOnlyCollection<int>? areaIds = await names.OfOrganisationAsync(permissions.ScopeServiceAreaId is { } own
            ? [own]
            : filter.ServiceAreaId is { } area ? [area] : null, filter.HiringOrganisationId, cancellationToken);
        IReadOnlyCollection<int>? roleIds = filter.JobFamily is { } family
            ? (await names.JobRolesAsync(cancellationToken)).Where(r => r.JobFamily == family).Select(r => r.Id).ToList()
            : null;
        return page => new RequisitionListSpec(filter.Status, areaIds, roleIds, page);
    }

    private async Task<(Dictionary<int, string> Areas, Dictionary<int, string> Roles)> NamesAsync(CancellationToken cancellationToken) =>
        ((await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name),
         (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title));

    private static RequisitionListItem Item(RequisitionRow row, Dictionary<int, string> areas, Dictionary<int, string> roles) =>
        new(row, areas.GetValueOrDefault(row.ServiceAreaId, "?"), roles.GetValueOrDefault(row.JobRoleId, "?"));
}
