using System.Diagnostics.CodeAnalysis;
using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.ServiceAreas;

/// <summary>A council service that raises requisitions and pays for the agency staff placed with it.</summary>
public sealed class ServiceArea : AggregateRoot
{
    private ServiceArea() { Code = Name = Directorate = string.Empty; }

    public ServiceArea(string code, string name, string directorate, bool isChildrensServices, decimal? establishmentFte)
    {
        Change(code, name, directorate, isChildrensServices, establishmentFte);
        IsActive = true;
    }

    /// <summary>The organisation the service is a cost centre of: the council unless an admin moves it to another.</summary>
    public int HiringOrganisationId { get; private set; } = HiringOrganisations.HiringOrganisation.CouncilId;

    public void MoveTo(int hiringOrganisationId) => HiringOrganisationId = Guard.Reference(hiringOrganisationId, "The hiring organisation");

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string Directorate { get; private set; }

    /// <summary>Children's services, where the DfE agency rules for child and family social workers apply.</summary>
    public bool IsChildrensServices { get; private set; }

    /// <summary>Funded full-time-equivalent posts, where known: the base for "share of establishment" figures.</summary>
    public decimal? EstablishmentFte { get; private set; }

    /// <summary>
    /// Offered for new requisitions and hiring managers. A service that stops hiring is deactivated, never deleted:
    /// its requisitions, placements and figures keep pointing at it.
    /// </summary>
    public bool IsActive { get; private set; }

    /// <summary>An admin corrects or renames the service; what was raised for it stays with it.</summary>
    [MemberNotNull(nameof(Code), nameof(Name), nameof(Directorate))]
    public void Change(string code, string name, string directorate, bool isChildrensServices, decimal? establishmentFte)
    {
        Code = Guard.Required(code, Limits.Code).ToUpperInvariant();
        Name = Guard.Required(name, Limits.Name);
        Directorate = Guard.Required(directorate, Limits.Name);
        IsChildrensServices = isChildrensServices;
        ChangeEstablishment(establishmentFte);
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    private readonly List<int> _jobRoleIds = [];

    /// <summary>
    /// The job roles the service recruits temporary staff for. None recorded means the service has not been limited
    /// (as every service was before the list was kept), and it may raise any role.
    /// </summary>
    public IReadOnlyList<int> JobRoleIds => _jobRoleIds;

    public bool Recruits(int jobRoleId) => Recruits(_jobRoleIds, jobRoleId);

    /// <summary>Whether a service with these recorded roles recruits for a role: none recorded means any.</summary>
    public static bool Recruits(IReadOnlyCollection<int> jobRoleIds, int jobRoleId)
    {
        ArgumentNullException.ThrowIfNull(jobRoleIds);
        return jobRoleIds.Count == 0 || jobRoleIds.Contains(jobRoleId);
    }

    public void RecruitFor(IEnumerable<int> jobRoleIds)
    {
        ArgumentNullException.ThrowIfNull(jobRoleIds);
        var ids = jobRoleIds.Distinct().Order().ToList();
        if (ids.Exists(id => id <= 0)) throw new DomainRuleException("A job role the service recruits for must be a saved job role.");
        _jobRoleIds.Clear();
        _jobRoleIds.AddRange(ids);
    }

    public void ChangeEstablishment(decimal? establishmentFte) =>
        EstablishmentFte = establishmentFte is { } fte ? Guard.NotNegative(fte) : null;
}
