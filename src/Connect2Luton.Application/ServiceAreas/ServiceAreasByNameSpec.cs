using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.ServiceAreas;

namespace Connect2Luton.Application.ServiceAreas;

public sealed class ServiceAreasByNameSpec : Specification<ServiceArea, ServiceAreaSummary>
{
    public ServiceAreasByNameSpec() =>
        Query.Select(s => new ServiceAreaSummary(s.Id, s.Code, s.Name, s.IsChildrensServices, s.JobRoleIds, s.IsActive, s.HiringOrganisationId)).OrderBy(s => s.Name);
}
