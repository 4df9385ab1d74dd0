using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Application.JobRoles;

/// <summary>The roles that fall under the DfE agency rules for child and family social workers.</summary>
public sealed class DfeRoleIdsSpec : Specification<JobRole, int>
{
    public DfeRoleIdsSpec()
    {
        Query.Where(r => r.DfeRoleType != null);
        Query.Select(r => r.Id);
    }
}
