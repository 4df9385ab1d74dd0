using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// Whether the council already keeps an agency's candidate in its in-house pool, recognised as the claims recognise
/// a person: the pool is considered for every role before any agency, so such a candidate is already put forward.
/// </summary>
internal static class InHousePool
{
    public static async Task<bool> KeepsAsync(IReadRepository<Worker> workers, Worker candidate, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        (await workers.ListAsync(new InHousePoolLookalikesSpec(candidate), cancellationToken)).Any(pooled => CandidateKeys.Of(pooled).Intersect(keys).Any());
}
