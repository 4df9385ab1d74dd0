using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Application.JobRoles;

public sealed class JobRolesByTitleSpec : Specification<JobRole, JobRoleSummary>
{
    public JobRolesByTitleSpec() =>
        Query.Select(r => new JobRoleSummary(r.Id, r.Title, r.JobFamily, r.DfeRoleType, r.IsActive, r.RequiredDbsLevel, r.RequiredRegistration)).OrderBy(r => r.Title);
}
