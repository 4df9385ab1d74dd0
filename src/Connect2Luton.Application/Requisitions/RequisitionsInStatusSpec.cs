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
}
