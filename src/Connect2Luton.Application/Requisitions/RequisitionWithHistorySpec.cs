using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

/// <summary>One requisition with its steps, to read, or to change where who took the steps matters (approval).</summary>
public sealed class RequisitionWithHistorySpec : Specification<Requisition>
{
    public RequisitionWithHistorySpec(int id, bool forUpdate = false)
    {
        Query.Where(r => r.Id == id).Include(r => r.Events);
        if (!forUpdate) Query.AsNoTracking();
    }
}
