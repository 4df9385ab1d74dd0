using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Application.JobRoles;

public sealed class JobRoleByIdSpec : Specification<JobRole>
{
    public JobRoleByIdSpec(int id) => Query.Where(r => r.Id == id).AsNoTracking();
}
