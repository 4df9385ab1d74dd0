using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

/// <summary>Requisitions, newest first, optionally in one status or one service area.</summary>
public sealed class RequisitionListSpec : Specification<Requisition, RequisitionRow>
{
    public RequisitionListSpec(RequisitionStatus? status, int? serviceAreaId, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (status is { } s) Query.Where(r => r.Status == s);
        if (serviceAreaId is { } area) Query.Where(r => r.ServiceAreaId == area);
        Query.OrderByDescending(r => r.RaisedAt).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.Size);
        Query.Select(r => new RequisitionRow(r.Id, r.Title, r.ServiceAreaId, r.JobRoleId, r.Status, r.StartDate, r.EndDate, r.Positions, r.PositionsFilled, r.RaisedAt));
    }
}

public sealed record RequisitionRow(
    int Id, string Title, int ServiceAreaId, int JobRoleId, RequisitionStatus Status,
    DateOnly StartDate, DateOnly EndDate, int Positions, int PositionsFilled, DateTimeOffset RaisedAt);
