namespace Connect2Luton.Domain.JobRoles;

/// <summary>
/// The five role types of the DfE statutory guidance "Child and family social workers: agency rules",
/// to which regional price caps apply and under which assignments are returned each quarter.
/// </summary>
public enum DfeRoleType
{
    SocialWorker,
    SeniorSocialWorker,
    AdvancedPractitioner,
    TeamManager,
    IndependentReviewingOfficer,
}
