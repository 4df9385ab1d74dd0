namespace Connect2Luton.Application.ServiceAreas;

/// <param name="JobRoleIds">The roles the service recruits for; empty where it has not been limited.</param>
/// <param name="IsActive">Offered for new requisitions and hiring managers; a deactivated service still names what it raised.</param>
public sealed record ServiceAreaSummary(int Id, string Code, string Name, bool IsChildrensServices, IReadOnlyList<int> JobRoleIds, bool IsActive,
    int HiringOrganisationId = Domain.HiringOrganisations.HiringOrganisation.CouncilId)
{
    public bool Recruits(int jobRoleId) => Domain.ServiceAreas.ServiceArea.Recruits(JobRoleIds, jobRoleId);
}
