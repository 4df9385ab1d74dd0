using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Shortlists;

/// <summary>A requisition's shortlist page: who is on it, and the ranked workers who could be.</summary>
public sealed record ShortlistView(
    int RequisitionId,
    int Version,
    string Title,
    string ServiceArea,
    string JobRole,
    bool IsDfeRole,
    RequisitionStatus Status,
    DateOnly StartDate,
    DateOnly EndDate,
    bool CanChange,
    IReadOnlyList<ShortlistedWorker> Shortlisted,
    IReadOnlyList<RankedCandidate> Candidates,
    int CandidatePage,
    int CandidatePageCount,
    int CandidateCount);

public sealed record ShortlistedWorker(
    int WorkerId, string Name, string Postcode, string Supplier, string Tier, int Points, ShortlistEntryStatus Status, string AddedBy,
    DateTimeOffset AddedAt, IReadOnlyList<string> Reasons, string? RuleVersion, bool ChecksNeedAttention, string? Shortfall)
{
    /// <summary>Still on the list but booked on another placement over some of the requisition's dates (or waiting for its sign-off): a booking here would be refused.</summary>
    public bool BookedElsewhere { get; init; }
}

/// <summary>A worker ranked by the preference rules as they stand today, with the reasons and the DfE checks.</summary>
/// <param name="Shortfall">What is wrong with their registration or DBS certificate for this requisition's role, if anything: their checks need attention.</param>
public sealed record RankedCandidate(
    int WorkerId, string Name, string Postcode, string Supplier, string Tier, int Points, bool Eligible,
    IReadOnlyList<string> Reasons, IReadOnlyList<string> Ineligibilities, bool ChecksNeedAttention, bool Booked, string? Shortfall);
