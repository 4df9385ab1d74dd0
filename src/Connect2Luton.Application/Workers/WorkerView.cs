using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>A worker as their page shows them: details, checks, and where they have been placed.</summary>
public sealed record WorkerView(
    int Id,
    int Version,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    string Postcode,
    JobFamily JobFamily,
    int SupplyAgencyId,
    string SupplyAgency,
    DateOnly? QualifiedOn,
    int? PostQualifiedYears,
    bool OpenToPermanentJob,
    string? PreviousCouncil,
    string? PreviousCouncilRegion,
    DateOnly? LeftPermanentCouncilPostOn,
    RightToWorkCheck? RightToWork,
    DbsCheck? Dbs,
    ProfessionalRegistration? Registration,
    bool IsActive,
    DateOnly? ConvertedOn,
    IReadOnlyList<ComplianceItem> Compliance,
    IReadOnlyList<WorkerPlacement> Placements)
{
    /// <summary>For a worker placed with the council and not yet converted, the first day no transfer fee can be charged.</summary>
    public DateOnly? FeeFreeFrom { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>The reference the worker was brought in with from a file, if they were.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>The day the worker signed an opt-out of the 48-hour weekly limit; null where they have none.</summary>
    public DateOnly? WeeklyLimitOptOutSignedOn { get; init; }
}

public sealed record WorkerPlacement(int Id, string JobRole, string ServiceArea, DateOnly StartDate, DateOnly EndDate, PlacementStatus Status);
