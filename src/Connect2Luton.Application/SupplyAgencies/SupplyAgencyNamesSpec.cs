using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.SupplyAgencies;

public sealed class SupplyAgencyNamesSpec : Specification<SupplyAgency, SupplyAgencySummary>
{
    public SupplyAgencyNamesSpec() =>
        Query.Select(a => new SupplyAgencySummary(a.Id, a.Name, a.Kind, a.IsLocal, a.MarginRate, a.IsActive, a.DpsReference, a.ConfirmsDfeAgencyRules)).OrderBy(a => a.Name);
}

/// <summary>A supplier as lists and forms need it; <paramref name="MarginRate"/> is its margin as a fraction of pay and on-costs.</summary>
/// <param name="IsActive">Offered for new workers; a deactivated agency still names the workers it supplied and their placements.</param>
/// <param name="DpsReference">Its reference on the dynamic purchasing system, if it was appointed through it.</param>
/// <param name="ConfirmsDfeAgencyRules">It has confirmed it works to the DfE agency rules for child and family social workers.</param>
public sealed record SupplyAgencySummary(int Id, string Name, SupplyAgencyKind Kind, bool IsLocal, decimal MarginRate, bool IsActive, string? DpsReference = null, bool ConfirmsDfeAgencyRules = false);
