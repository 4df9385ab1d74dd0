using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Policies;

/// <summary>What the preference rules need of a worker, as read for a ranked list.</summary>
public sealed record ShortlistCandidate(
    int WorkerId,
    string PostcodeDistrict,
    SupplyAgencyKind SupplierKind,
    bool SupplierIsLocal,
    string? PreviousCouncil,
    string? PreviousCouncilRegion,
    DateOnly? LeftCouncilPostOn,
    DateOnly? QualifiedOn);
