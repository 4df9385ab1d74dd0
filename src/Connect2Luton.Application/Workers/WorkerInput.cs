using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>A worker as typed into the form; anything may be missing, and the use case says what is.</summary>
public sealed record WorkerInput(
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string? Postcode,
    JobFamily? JobFamily,
    int? SupplyAgencyId,
    DateOnly? QualifiedOn,
    bool OpenToPermanentJob,
    string? PreviousCouncil,
    DateOnly? LeftPermanentCouncilPostOn,
    DateOnly? RightToWorkCheckedOn,
    DateOnly? RightToWorkExpiresOn,
    DateOnly? DbsIssuedOn,
    DbsLevel? DbsLevel,
    string? DbsCertificateNumber,
    bool DbsOnUpdateService,
    DateOnly? DbsStatusCheckedOn,
    RegistrationBody? RegistrationBody,
    string? RegistrationNumber,
    DateOnly? RegistrationExpiresOn,
    DateOnly? DateOfBirth = null);
