namespace Connect2Luton.Domain.JobRoles;

/// <summary>The professional register a role requires a worker to be on.</summary>
public enum RegistrationBody
{
    None,
    SocialWorkEngland,
    HealthAndCareProfessionsCouncil,
    NursingAndMidwiferyCouncil,
}
