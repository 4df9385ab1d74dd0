using System.ComponentModel;

namespace Connect2Luton.Application.Policies;

/// <summary>What the local-candidate preference rules know about a worker being shortlisted.</summary>
public sealed record LocalPreferenceFacts : IDatedFacts
{
    [Description("The day the decision is made for.")]
    public required DateOnly AsOf { get; init; }

    [Description("The outward code of the worker's home postcode, e.g. \"LU2\".")]
    public required string PostcodeDistrict { get; init; }

    [Description("Who supplies the worker: the in-house pool, a local supporting agency or an external agency.")]
    [CodedAs(typeof(Domain.SupplyAgencies.SupplyAgencyKind), "kind of supplier")]
    public required string SupplierKind { get; init; }

    [Description("The supplier is based in Luton.")]
    public required bool SupplierIsLocal { get; init; }

    [Description("The council of the worker's most recent permanent post; empty if none.")]
    public required string PreviousCouncil { get; init; }

    [Description("The region of that council from the register of English councils with children's social care, e.g. \"East of England\"; empty if there is no previous council or it is not on the register.")]
    public required string PreviousCouncilRegion { get; init; }

    [Description("Whole months since the worker left that permanent post; 0 if they never held one.")]
    public required int MonthsSinceLeftCouncilPost { get; init; }

    [Description("The role being shortlisted for is child and family social work under the DfE agency rules.")]
    public required bool IsDfeRole { get; init; }

    [Description("The worker's whole years of post-qualified experience; 0 if no qualification date is held.")]
    public required int PostQualifiedYears { get; init; }
}
