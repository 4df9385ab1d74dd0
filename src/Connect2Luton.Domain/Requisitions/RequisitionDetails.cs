namespace Connect2Luton.Domain.Requisitions;

/// <summary>What a hiring manager asks for, in one place for raising and for revising a requisition.</summary>
public sealed record RequisitionDetails(
    int ServiceAreaId,
    int JobRoleId,
    string Title,
    RequisitionReason Reason,
    string? Description,
    decimal WeeklyHours,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal MaximumPayRate,
    int Positions,
    bool IsProjectTeam);
