using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// A requisition as a supplier sees it: what the role is, where, when, for how many hours, up to what pay, and the
/// DfE rules where they apply. Never the hiring manager's description, who raised it, or anyone else's candidates.
/// </summary>
public sealed record SuppliedRequisition(
    int Id,
    string Title,
    string RoleTitle,
    JobFamily JobFamily,
    DfeRoleType? DfeRoleType,
    RegistrationBody RequiredRegistration,
    string ServiceName,
    decimal WeeklyHours,
    DateOnly StartDate,
    DateOnly EndDate,
    decimal MaximumPayRate,
    int PositionsLeft,
    bool TakingCandidates,
    SupplyAgencyKind Tier,
    DateTimeOffset ReleasedAt,
    Domain.Workers.DbsLevel? RequiredDbsLevel = null)
{
    public bool IsDfeRole => DfeRoleType is not null;
}
