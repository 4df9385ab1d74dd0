using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

public sealed record RequisitionListItem(RequisitionRow Row, string ServiceArea, string JobRole);

/// <summary>The requisitions list. A hiring manager sees their own service's only.</summary>
public sealed class RequisitionQueries(IReadRepository<Requisition> requisitions, ReferenceNames names, ICurrentUser user)
{
    public async Task<PagedResult<RequisitionListItem>> ListAsync(RequisitionStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = user.IsInRole(Roles.HiringManager) ? user.ServiceAreaId ?? -1 : (int?)null;
        var rows = await requisitions.PageAsync(new RequisitionListSpec(status, scope, page), cancellationToken);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        return rows.Map(r => new RequisitionListItem(r, areas.GetValueOrDefault(r.ServiceAreaId, "?"), roles.GetValueOrDefault(r.JobRoleId, "?")));
    }
}
