using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>The agencies of one tier a requisition has just reached, for the first time.</summary>
public sealed record AgenciesReached(int RequisitionId, SupplyAgencyKind Tier, IReadOnlyList<int> AgencyIds);

/// <summary>
/// Told of the agencies a release has just reached, scheduled or early, before the release is saved and in the
/// same unit of work: whatever it stages (an email to each agency's users, in an outbox) is saved with the release
/// or not at all, and a release that is refused tells nobody. The app registers <see cref="ReleaseEmails"/>.
/// </summary>
public interface IReleaseNotifier
{
    Task ReachedAsync(IReadOnlyList<AgenciesReached> reached, CancellationToken cancellationToken);
}
