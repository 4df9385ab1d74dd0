using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Application.JobRoles;

public sealed record JobRoleSummary(int Id, string Title, JobFamily JobFamily, DfeRoleType? DfeRoleType);
