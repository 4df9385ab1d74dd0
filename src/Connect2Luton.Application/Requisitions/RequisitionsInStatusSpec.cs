using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

public sealed class RequisitionsInStatusSpec : Specification<Requisition>
{
    public RequisitionsInStatusSpec(RequisitionStatus status, IReadOnlyCollection<int>? serviceAreaIds = null)
    {
        Query.Where(r => r.Status == status).AsNoTracking();
        if (serviceAreaIds is not null) Query.Where(r => serviceAreaIds.Contains(r.ServiceAreaId));
    }

    /// <summary>In any of the statuses, to be counted by status in one read.</summary>
    public RequisitionsInStatusSpec(IReadOnlyCollection<RequisitionStatus> statuses, IReadOnlyCollection<int>? serviceAreaIds = null)
    {
        Query.Where(r => statuses.Contains(r.Status)).AsNoTracking();
        if (serviceAreaIds is not null) Query.Where(r => serviceAreaIds.Contains(r.ServiceAreaId));
    }
}
