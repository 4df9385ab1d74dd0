using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>The pool, by surname, optionally only names starting with what was typed.</summary>
public sealed class WorkerListSpec : Specification<Worker, WorkerRow>
{
    public WorkerListSpec(string? name, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var typed = name.Trim();
            Query.Where(w => w.LastName.StartsWith(typed) || w.FirstName.StartsWith(typed));
        }
        Query.OrderBy(w => w.LastName).ThenBy(w => w.FirstName).ThenBy(w => w.Id).Skip(page.Skip).Take(page.Size);
        Query.Select(w => new WorkerRow(w.Id, w.FirstName + " " + w.LastName, w.Postcode, w.JobFamily, w.SupplyAgencyId, w.IsActive, w.ConvertedToPermanentOn));
    }
}

public sealed record WorkerRow(int Id, string Name, string Postcode, Domain.JobRoles.JobFamily JobFamily, int SupplyAgencyId, bool IsActive, DateOnly? ConvertedOn);
