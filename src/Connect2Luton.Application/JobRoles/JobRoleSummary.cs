using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Application.JobRoles;

/// <param name="IsActive">Offered for new requisitions; a deactivated role still names what was raised and booked for it.</param>
public sealed record JobRoleSummary(int Id, string Title, JobFamily JobFamily, DfeRoleType? DfeRoleType, bool IsActive);
