using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Requisitions;

/// <summary>
/// A requisition as typed into the form. Everything may be missing: the use case says what is, field by field.
/// A recruiter raising on a service's behalf names the hiring manager; a hiring manager raises as themselves.
/// </summary>
public sealed record RequisitionInput(
    int? ServiceAreaId,
    int? JobRoleId,
    int? HiringManagerId,
    string? Title,
    RequisitionReason? Reason,
    string? Description,
    decimal? WeeklyHours,
    DateOnly? StartDate,
    DateOnly? EndDate,
    decimal? MaximumPayRate,
    int? Positions,
    bool IsProjectTeam);
