namespace Connect2Luton.Domain.JobRoles;

/// <summary>The job families seen in council temporary staffing (DOMAIN.md).</summary>
public enum JobFamily
{
    SocialCare,
    Housing,
    Planning,
    NeighbourhoodServices,
    Catering,
    BusinessSupport,
    InterimManagement,
}
