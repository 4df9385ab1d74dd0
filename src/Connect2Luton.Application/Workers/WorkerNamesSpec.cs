using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>The names of the workers on one page of another list.</summary>
public sealed class WorkerNamesSpec : Specification<Worker, WorkerName>
{
    public WorkerNamesSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(w => ids.Contains(w.Id));
        Query.Select(w => new WorkerName(w.Id, w.FirstName + " " + w.LastName));
    }
}

public sealed record WorkerName(int Id, string Name);
