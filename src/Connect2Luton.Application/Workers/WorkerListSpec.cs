using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>
/// The pool by surname, narrowed by the start of a name, a postcode or postcode district, a job family and whether
/// their checks need attention by <paramref name="soon"/>; a page of them, or all for an export.
/// </summary>
public sealed class WorkerListSpec : Specification<Worker, WorkerRow>
{
    public WorkerListSpec(WorkerFilter filter, DateOnly soon, PageRequest? page)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var typed = filter.Name.Trim();
            Query.Where(w => w.LastName.StartsWith(typed) || w.FirstName.StartsWith(typed));
        }
        if (!string.IsNullOrWhiteSpace(filter.Postcode))
        {
            // An outward code alone (up to four characters, no space) matches the district column; anything longer is
            // the start of a full postcode. Which districts count as local is policy, in the preference rules.
            var typed = filter.Postcode.Trim().ToUpperInvariant();
            if (typed.Length <= 4 && !typed.Contains(' ', StringComparison.Ordinal)) Query.Where(w => w.PostcodeDistrict == typed);
            else Query.Where(w => w.Postcode.StartsWith(typed));
        }
        if (filter.JobFamily is { } family) Query.Where(w => w.JobFamily == family);
        if (filter.Compliance == ComplianceFilter.NeedsAttention)
        {
            Query.Where(w => w.RightToWork == null || w.RightToWork.ExpiresOn <= soon || w.Dbs == null
                || (w.Registration != null && w.Registration.ExpiresOn <= soon));
        }
        else if (filter.Compliance == ComplianceFilter.InOrder)
        {
            Query.Where(w => w.RightToWork != null && (w.RightToWork.ExpiresOn == null || w.RightToWork.ExpiresOn > soon) && w.Dbs != null
                && (w.Registration == null || w.Registration.ExpiresOn > soon));
        }
        Query.OrderBy(w => w.LastName).ThenBy(w => w.FirstName).ThenBy(w => w.Id);
        if (page is not null) Query.Skip(page.Skip).Take(page.Size);
        Query.Select(w => new WorkerRow(w.Id, w.FirstName + " " + w.LastName, w.Email, w.Postcode, w.JobFamily, w.SupplyAgencyId, w.IsActive, w.ConvertedToPermanentOn,
            w.RightToWork == null ? null : w.RightToWork.ExpiresOn, w.RightToWork != null, w.Dbs != null,
            w.Registration == null ? null : w.Registration.ExpiresOn));
    }
}

public sealed record WorkerRow(
    int Id, string Name, string Email, string Postcode, JobFamily JobFamily, int SupplyAgencyId, bool IsActive, DateOnly? ConvertedOn,
    DateOnly? RightToWorkExpiresOn, bool HasRightToWork, bool HasDbs, DateOnly? RegistrationExpiresOn);
