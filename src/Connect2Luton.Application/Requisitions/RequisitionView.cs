using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

/// <summary>A requisition as its page shows it, with its history and what the reader can do next.</summary>
public sealed record RequisitionView(
    int Id,
    int Version,
    string Title,
    int ServiceAreaId,
    string ServiceArea,
    int JobRoleId,
    string JobRole,
    string HiringManager,
    int HiringManagerId,
    RequisitionReason Reason,
    string? Description,
    decimal WeeklyHours,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal MaximumPayRate,
    int Positions,
    int PositionsFilled,
    bool IsProjectTeam,
    RequisitionStatus Status,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    IReadOnlyList<RequisitionStep> History,
    IReadOnlyList<RequisitionAction> Actions,
    IReadOnlyList<RequisitionAction> Permitted)
{
    /// <summary>Why the reader cannot approve it though they otherwise could (they raised it); null when that does not apply.</summary>
    public string? ApprovalNote { get; init; }
}

public sealed record RequisitionStep(RequisitionStatus? From, RequisitionStatus To, string By, DateTimeOffset At, string? Note);
