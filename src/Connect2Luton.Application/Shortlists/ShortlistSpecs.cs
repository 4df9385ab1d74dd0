using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Shortlists;

/// <summary>The workers who could be shortlisted for a role from the pool: active, in its job family.</summary>
public sealed class ShortlistCandidatesSpec : Specification<Worker, CandidateRow>
{
    /// <param name="only">Just these workers (those changed since the pool was ranked), where given.</param>
    public ShortlistCandidatesSpec(JobFamily family, IReadOnlyCollection<int>? only = null)
    {
        Query.Where(InThePool(family));
        if (only is not null) Query.Where(w => only.Contains(w.Id));
        Query.Select(w => new CandidateRow(w.Id, w.FirstName + " " + w.LastName, w.LastName, w.Postcode, w.PostcodeDistrict, w.SupplyAgencyId,
            w.PreviousCouncil, w.PreviousCouncilRegion, w.LeftPermanentCouncilPostOn, w.QualifiedOn,
            w.RightToWork == null ? null : w.RightToWork.ExpiresOn, w.RightToWork != null, w.Dbs != null,
            w.Registration == null ? null : w.Registration.ExpiresOn, w.Registration != null, w.Dbs == null ? null : w.Dbs.Level, w.Version,
            w.Registration == null ? null : w.Registration.Body));
    }

    // An agency's own candidates are reached through what it puts forward for each role, not offered from the pool.
    internal static System.Linq.Expressions.Expression<Func<Worker, bool>> InThePool(JobFamily family) => w => w.IsActive && w.JobFamily == family && !w.KeptByAgency;
}

/// <summary>Each of a job family's pool by id with the version of their record: what a kept ranking is checked against.</summary>
public sealed class ShortlistPoolVersionsSpec : Specification<Worker, WorkerVersion>
{
    public ShortlistPoolVersionsSpec(JobFamily family)
    {
        Query.Where(ShortlistCandidatesSpec.InThePool(family));
        Query.Select(w => new WorkerVersion(w.Id, w.Version));
    }
}

public sealed record WorkerVersion(int Id, int Version);

public sealed record CandidateRow(
    int Id, string Name, string LastName, string Postcode, string PostcodeDistrict, int SupplyAgencyId, string? PreviousCouncil, string? PreviousCouncilRegion,
    DateOnly? LeftCouncilPostOn, DateOnly? QualifiedOn, DateOnly? RightToWorkExpiresOn, bool HasRightToWork, bool HasDbs, DateOnly? RegistrationExpiresOn, bool HasRegistration, DbsLevel? DbsLevel,
    int Version, RegistrationBody? RegistrationBody = null);

/// <summary>Workers already booked for any part of a period (or booked and waiting for sign-off): they are shown as busy, not offered.</summary>
public sealed class WorkersBookedBetweenSpec : Specification<Placement, int>
{
    /// <param name="only">Just these workers, where given.</param>
    public WorkersBookedBetweenSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int>? only = null)
    {
        Query.Where(p => (p.Status == PlacementStatus.Active || p.Status == PlacementStatus.AwaitingSignOff) && p.StartDate <= to && p.PlannedEndDate >= from);
        if (only is not null) Query.Where(p => only.Contains(p.WorkerId));
        Query.Select(p => p.WorkerId);
    }
}

/// <summary>The workers of the given placements.</summary>
public sealed class WorkersOfPlacementsSpec : Specification<Placement, int>
{
    public WorkersOfPlacementsSpec(IReadOnlyCollection<int> placementIds)
    {
        Query.Where(p => placementIds.Contains(p.Id));
        Query.Select(p => p.WorkerId);
    }
}

/// <summary>A requisition with its shortlist and the decisions that ranked it, for changing or reading.</summary>
public sealed class RequisitionWithShortlistSpec : Specification<Requisition>
{
    public RequisitionWithShortlistSpec(int id, bool forUpdate)
    {
        Query.Where(r => r.Id == id).Include(r => r.Shortlist).ThenInclude(e => e.Decision);
        if (!forUpdate) Query.AsNoTracking();
    }
}
