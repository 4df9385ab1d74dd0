using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

/// <summary>
/// Requisitions, newest first, narrowed by status, service area and the roles of a job family; a page of them,
/// or (with no page) all of them for an export.
/// </summary>
public sealed class RequisitionListSpec : Specification<Requisition, RequisitionRow>
{
    public RequisitionListSpec(RequisitionStatus? status, IReadOnlyCollection<int>? serviceAreaIds, IReadOnlyCollection<int>? jobRoleIds, PageRequest? page)
    {
        if (status is { } s) Query.Where(r => r.Status == s);
        if (serviceAreaIds is not null) Query.Where(r => serviceAreaIds.Contains(r.ServiceAreaId));
        if (jobRoleIds is not null) Query.Where(r => jobRoleIds.Contains(r.JobRoleId));
        Query.OrderByDescending(r => r.RaisedAt).ThenByDescending(r => r.Id);
        if (page is not null) Query.Skip(page.Skip).Take(page.Size);
        Query.Select(r => new RequisitionRow(r.Id, r.Title, r.ServiceAreaId, r.JobRoleId, r.Status, r.Reason, r.StartDate, r.EndDate,
            r.WeeklyHours, r.MaximumPayRate, r.Positions, r.PositionsFilled, r.RaisedBy, r.RaisedAt));
    }
}

public sealed record RequisitionRow(
    int Id, string Title, int ServiceAreaId, int JobRoleId, RequisitionStatus Status, RequisitionReason Reason,
    DateOnly StartDate, DateOnly EndDate, decimal WeeklyHours, decimal MaximumPayRate, int Positions, int PositionsFilled,
    string RaisedBy, DateTimeOffset RaisedAt);
