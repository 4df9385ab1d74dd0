using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

public sealed class WorkerByIdSpec : Specification<Worker>
{
    public WorkerByIdSpec(int id) => Query.Where(w => w.Id == id).AsNoTracking();
}
