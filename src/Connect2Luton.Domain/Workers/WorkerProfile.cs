using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Domain.Workers;

/// <summary>What a recruiter records about a worker, in one place for registering and for editing.</summary>
public sealed record WorkerProfile(
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    UkPostcode Postcode,
    JobFamily JobFamily,
    int SupplyAgencyId,
    DateOnly? QualifiedOn,
    bool OpenToPermanentJob,
    PreviousCouncilEmployment? PreviousCouncilEmployment,
    DateOnly? DateOfBirth = null);

/// <summary>
/// The worker's most recent permanent post with a council, if any: it decides the DfE cooling-off period
/// and whether the worker counts as a former council employee.
/// </summary>
public sealed record PreviousCouncilEmployment(string Council, string Region, DateOnly LeftOn);
