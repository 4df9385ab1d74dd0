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
    /// <summary>Read last first, to be turned round for the page.</summary>
    public bool ReadBackwards { get; }

    public WorkerListSpec(WorkerFilter filter, DateOnly soon, PageRequest? page) : this(filter, soon, page, WorkerPageRead.Counted(page)) { }

    /// <param name="read">
    /// How the page is found: counted to from the top, read on from a row of the page next to it (keyset), or
    /// counted to from the end where that is nearer, read backwards and turned round by the caller.
    /// </param>
    public WorkerListSpec(WorkerFilter filter, DateOnly soon, PageRequest? page, WorkerPageRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(filter);
        NameSearch.Narrow(Query, filter.Name);
        if (!string.IsNullOrWhiteSpace(filter.Postcode))
        {
            // An outward code alone (up to four characters, no space) matches the district column; anything longer is
            // the start of a full postcode. Which districts count as local is policy, in the preference rules.
            // A whole postcode is found however it was spaced ("LU42XQ", "lu4  2xq"), as it is stored in its written form.
            var typed = UkPostcode.TryParse(filter.Postcode, out var whole) ? whole.Value : string.Join(' ', filter.Postcode.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
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
        ReadBackwards = read.Backwards;
        if (read.Backwards) Query.OrderByDescending(w => w.LastName).ThenByDescending(w => w.FirstName).ThenByDescending(w => w.Id);
        else Query.OrderBy(w => w.LastName).ThenBy(w => w.FirstName).ThenBy(w => w.Id);
        // Names compare in the columns' own collation (case-insensitive), as the list is ordered by them: these run in
        // the database, where no .NET comparison applies.
#pragma warning disable CA1309
        if (read.After is { } a)
            Query.Where(w => string.Compare(w.LastName, a.LastName) >= 0
                && (string.Compare(w.LastName, a.LastName) > 0 || string.Compare(w.FirstName, a.FirstName) > 0 || (w.FirstName == a.FirstName && w.Id > a.Id)));
        if (read.Before is { } b)
            Query.Where(w => string.Compare(w.LastName, b.LastName) <= 0
                && (string.Compare(w.LastName, b.LastName) < 0 || string.Compare(w.FirstName, b.FirstName) < 0 || (w.FirstName == b.FirstName && w.Id < b.Id)));
#pragma warning restore CA1309
        if (read.Skip > 0) Query.Skip(read.Skip);
        if (read.Take is { } take) Query.Take(take);
        Query.Select(w => new WorkerRow(w.Id, w.FirstName + " " + w.LastName, w.Email, w.Postcode, w.JobFamily, w.SupplyAgencyId, w.IsActive, w.ConvertedToPermanentOn,
            w.RightToWork == null ? null : w.RightToWork.ExpiresOn, w.RightToWork != null, w.Dbs != null,
            w.Registration == null ? null : w.Registration.ExpiresOn, w.Version));
    }
}

/// <summary>Where a worker sits in the list's order: for reading on from them.</summary>
public sealed record WorkerSortKey(string LastName, string FirstName, int Id);

/// <summary>How a page of the worker list is read.</summary>
public sealed record WorkerPageRead(int Skip, int? Take, bool Backwards, WorkerSortKey? After = null, WorkerSortKey? Before = null)
{
    /// <summary>Counted to from the top: every worker, for an export, when there is no page.</summary>
    public static WorkerPageRead Counted(PageRequest? page) => new(page?.Skip ?? 0, page?.Size, false);

    /// <summary>
    /// The page read on from the last row of the page before it or back from the first row of the page after it,
    /// where the link came from there; otherwise counted to from whichever end of <paramref name="total"/> is nearer.
    /// </summary>
    public static WorkerPageRead For(PageRequest page, int total, WorkerSortKey? after, WorkerSortKey? before)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (after is not null) return new(0, page.Size, false, After: after);
        if (before is not null) return new(0, page.Size, true, Before: before);
        var (skip, take, backwards) = page.FromNearerEnd(total);
        return new(skip, take, backwards);
    }
}

/// <summary>A worker's place in the list's order, looked up by id: the edges of a page go into its links as ids, not names.</summary>
public sealed class WorkerSortKeySpec : Specification<Worker, WorkerSortKey>
{
    /// <param name="version">The worker's version when the link was made: a worker saved since (renamed, it may sort elsewhere) is no edge.</param>
    public WorkerSortKeySpec(int id, int version)
    {
        Query.Where(w => w.Id == id && w.Version == version);
        Query.Select(w => new WorkerSortKey(w.LastName, w.FirstName, w.Id));
    }
}

public sealed record WorkerRow(
    int Id, string Name, string Email, string Postcode, JobFamily JobFamily, int SupplyAgencyId, bool IsActive, DateOnly? ConvertedOn,
    DateOnly? RightToWorkExpiresOn, bool HasRightToWork, bool HasDbs, DateOnly? RegistrationExpiresOn, int Version);

/// <summary>A worker at the edge of a page, as a link to the page next to it names them: the worker, and their version then.</summary>
public readonly record struct WorkerEdge(int Id, int Version);
