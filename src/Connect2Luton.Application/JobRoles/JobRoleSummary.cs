using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.JobRoles;

/// <param name="IsActive">Offered for new requisitions; a deactivated role still names what was raised and booked for it.</param>
/// <param name="RequiredDbsLevel">The DBS certificate the role needs, where it states one.</param>
public sealed record JobRoleSummary(int Id, string Title, JobFamily JobFamily, DfeRoleType? DfeRoleType, bool IsActive, DbsLevel? RequiredDbsLevel,
    RegistrationBody RequiredRegistration = RegistrationBody.None);
