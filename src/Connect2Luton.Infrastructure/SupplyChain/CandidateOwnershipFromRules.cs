using Connect2Luton.Application.SupplyChain;

namespace Connect2Luton.Infrastructure.SupplyChain;

// MERGE: replaced by the release rules' named value when the supplier-release rule set lands.
internal sealed class CandidateOwnershipFromRules : ICandidateOwnership
{
    public ValueTask<int> DaysAsync(CancellationToken cancellationToken) => ValueTask.FromResult(28);
}
