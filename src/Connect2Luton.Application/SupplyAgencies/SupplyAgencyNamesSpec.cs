using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.SupplyAgencies;

public sealed class SupplyAgencyNamesSpec : Specification<SupplyAgency, SupplyAgencySummary>
{
    public SupplyAgencyNamesSpec() =>
        Query.Select(a => new SupplyAgencySummary(a.Id, a.Name, a.Kind, a.IsLocal)).OrderBy(a => a.Name);
}

public sealed record SupplyAgencySummary(int Id, string Name, SupplyAgencyKind Kind, bool IsLocal);
