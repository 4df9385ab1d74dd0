using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

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
    DateOnly? QualifiedOn)
{
    /// <summary>A worker, with the agency that supplies them, as the preference rules see them.</summary>
    public static ShortlistCandidate Of(Worker worker, SupplyAgencySummary supplier)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(supplier);
        return new(worker.Id, worker.PostcodeDistrict, supplier.Kind, supplier.IsLocal, worker.PreviousCouncil,
            worker.PreviousCouncilRegion, worker.LeftPermanentCouncilPostOn, worker.QualifiedOn);
    }
}
