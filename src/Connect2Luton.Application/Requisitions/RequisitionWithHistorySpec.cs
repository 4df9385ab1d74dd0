using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

/// <summary>One requisition with its steps, to read.</summary>
public sealed class RequisitionWithHistorySpec : Specification<Requisition>
{
    public RequisitionWithHistorySpec(int id) =>
        Query.Where(r => r.Id == id).Include(r => r.Events).AsNoTracking();
}
