using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.ServiceAreas;

namespace Connect2Luton.Application.ServiceAreas;

public sealed class ServiceAreaByIdSpec : Specification<ServiceArea, ServiceAreaSummary>
{
    public ServiceAreaByIdSpec(int id)
    {
        Query.Where(s => s.Id == id);
        Query.Select(s => new ServiceAreaSummary(s.Id, s.Code, s.Name, s.IsChildrensServices, s.JobRoleIds, s.IsActive, s.HiringOrganisationId));
    }
}
