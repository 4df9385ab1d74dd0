using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements.Details;

/// <summary>One placement with everything that happened to it, to read or to change.</summary>
public sealed class PlacementWithHistorySpec : Specification<Placement>
{
    public PlacementWithHistorySpec(int id, bool forUpdate)
    {
        Query.Where(p => p.Id == id)
            .Include(p => p.Extensions)
            .Include(p => p.CapExceptions)
            .Include(p => p.RateChanges)
            .Include(p => p.Decisions)
            .Include(p => p.SignOffs);
        if (!forUpdate) Query.AsNoTracking();
    }
}

/// <summary>Decisions taken about a worker for a requisition before it became a placement (the shortlist ranking).</summary>
public sealed class DecisionsBeforeBookingSpec : Specification<RuleDecision>
{
    public DecisionsBeforeBookingSpec(int requisitionId, int workerId) =>
        Query.Where(d => d.RequisitionId == requisitionId && d.WorkerId == workerId && d.PlacementId == null).AsNoTracking();
}

public sealed class PlacementFlagsSpec : Specification<PlacementFlag>
{
    public PlacementFlagsSpec(int placementId) =>
        Query.Where(f => f.PlacementId == placementId).OrderByDescending(f => f.RaisedOn).AsNoTracking();
}
