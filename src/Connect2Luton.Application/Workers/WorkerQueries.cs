using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

public sealed record WorkerListItem(WorkerRow Row, string SupplyAgency);

public sealed class WorkerQueries(IReadRepository<Worker> workers, ReferenceNames names)
{
    public async Task<PagedResult<WorkerListItem>> ListAsync(string? name, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await workers.PageAsync(new WorkerListSpec(name, page), cancellationToken);
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return rows.Map(r => new WorkerListItem(r, agencies.GetValueOrDefault(r.SupplyAgencyId, "?")));
    }
}
