using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

public sealed class WorkerByIdSpec : Specification<Worker>
{
    /// <param name="forUpdate">Tracked, to take part in a save (a booking claims the worker).</param>
    public WorkerByIdSpec(int id, bool forUpdate = false)
    {
        Query.Where(w => w.Id == id);
        if (!forUpdate) Query.AsNoTracking();
    }
}
