using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>How the given requisitions were released to a kind of agency (what each agency of that kind sees).</summary>
public sealed class ReleasedToAgencySpec : Specification<ReleasedProfile, ReleasedRow>
{
    public ReleasedToAgencySpec(AgencyProfile profile, IReadOnlyCollection<int> requisitionIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Query.Where(p => p.Tier == profile.Tier && p.OnDps == profile.OnDps && p.ConfirmsDfeAgencyRules == profile.ConfirmsDfeAgencyRules && requisitionIds.Contains(p.RequisitionId));
        Query.Select(p => new ReleasedRow(p.RequisitionId, p.Tier, p.ReleasedAt));
    }
}

/// <summary>Every requisition released to a kind of agency, read from the index alone.</summary>
public sealed class ReleasedRequisitionIdsSpec : Specification<ReleasedProfile, int>
{
    public ReleasedRequisitionIdsSpec(AgencyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Query.Where(p => p.Tier == profile.Tier && p.OnDps == profile.OnDps && p.ConfirmsDfeAgencyRules == profile.ConfirmsDfeAgencyRules);
        Query.Select(p => p.RequisitionId);
    }
}

public sealed record ReleasedRow(int RequisitionId, SupplyAgencyKind Tier, DateTimeOffset ReleasedAt);

/// <summary>Whether one requisition has been released to an agency's kind: what decides that its users may see it at all.</summary>
public sealed class ReleasedToSpec : Specification<ReleasedProfile, ReleasedRow>
{
    public ReleasedToSpec(int requisitionId, AgencyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Query.Where(p => p.RequisitionId == requisitionId && p.Tier == profile.Tier && p.OnDps == profile.OnDps && p.ConfirmsDfeAgencyRules == profile.ConfirmsDfeAgencyRules);
        Query.Select(p => new ReleasedRow(p.RequisitionId, p.Tier, p.ReleasedAt));
    }
}

/// <summary>The requisitions still looking for workers (approved or open with a position left, not yet past their end), soonest start first.</summary>
public sealed class TakingCandidatesSpec : Specification<Requisition, int>
{
    public TakingCandidatesSpec(DateOnly today)
    {
        Query.Where(r => (r.Status == RequisitionStatus.Approved || r.Status == RequisitionStatus.Open) && r.PositionsFilled < r.Positions && r.EndDate >= today)
            .OrderBy(r => r.StartDate).ThenBy(r => r.Id);
        Query.Select(r => r.Id);
    }
}

/// <summary>Requisitions as a supplier is told of them, by id, whatever their state.</summary>
public sealed class SuppliedRequisitionsSpec : Specification<Requisition, SuppliedRequisitionRow>
{
    public SuppliedRequisitionsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(r => ids.Contains(r.Id));
        Query.Select(SuppliedRequisitionRow.Of);
    }
}

/// <summary>What a supplier is told about a requisition: never the hiring manager's description or who raised it.</summary>
public sealed record SuppliedRequisitionRow(
    int Id, string Title, int ServiceAreaId, int JobRoleId, decimal WeeklyHours, DateOnly StartDate, DateOnly EndDate, decimal MaximumPayRate,
    int PositionsLeft, RequisitionStatus Status)
{
    /// <summary>The projection every list of supplied requisitions reads, written once.</summary>
    public static System.Linq.Expressions.Expression<Func<Requisition, SuppliedRequisitionRow>> Of { get; } = r => new SuppliedRequisitionRow(
        r.Id, r.Title, r.ServiceAreaId, r.JobRoleId, r.WeeklyHours, r.StartDate, r.EndDate, r.MaximumPayRate, r.Positions - r.PositionsFilled, r.Status);
}

/// <summary>The workers an agency keeps, by name.</summary>
public sealed class AgencyWorkersSpec : Specification<Worker, AgencyWorkerRow>
{
    /// <param name="name">The start of a first or last name, narrowing the list; null or blank for everyone.</param>
    public AgencyWorkersSpec(int agencyId, string? name, int? skip = null, int? take = null)
    {
        // Only the records the agency keeps itself: a worker the council keeps (in the pool, supplied by the agency) is the council's.
        Query.Where(w => w.SupplyAgencyId == agencyId && w.KeptByAgency && w.IsActive);
        NameSearch.Narrow(Query, name);
        // In the order of the agency's name index, so a page is read from it and stops when full.
        Query.OrderBy(w => w.LastName).ThenBy(w => w.FirstName).ThenBy(w => w.Id);
        if (skip is { } rows) Query.Skip(rows);
        if (take is { } size) Query.Take(size);
        Query.Select(w => new AgencyWorkerRow(w.Id, w.FirstName + " " + w.LastName, w.JobFamily, w.PostcodeDistrict,
            w.RightToWork != null, w.Dbs != null, w.Registration == null ? null : w.Registration.Number, w.KeptByAgency));
    }
}

public sealed record AgencyWorkerRow(int Id, string Name, JobFamily JobFamily, string PostcodeDistrict, bool HasRightToWork, bool HasDbs, string? RegistrationNumber, bool KeptByAgency);

/// <summary>
/// The workers the council keeps in its pool who may be the same person as an agency's candidate: the same email, the
/// phone with its spaces set aside, a registration number ending in the same digits, or the same date of birth. It
/// narrows in the database to the few who could be; <see cref="CandidateKeys"/> then says who is, written one way
/// for the pool and the claims alike.
/// </summary>
public sealed class InHousePoolLookalikesSpec : Specification<Worker>
{
    public InHousePoolLookalikesSpec(Worker candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var email = candidate.Email.Trim().ToLowerInvariant();
        // Read as the keys read them, so whoever shares a key is among what this finds: a pooled number may be stored
        // with spaces or "+44", so it is matched on the number as dialled at home without its first 0.
        var national = CandidateKeys.Dialled(candidate.Phone)?[1..] ?? string.Empty;
        var hasPhone = national.Length > 0;
        var body = candidate.Registration?.Body;
        var number = candidate.Registration is { } registration ? CandidateKeys.RegistrationDigits(registration.Number) : string.Empty;
        var hasNumber = number.Length > 0;
        var born = candidate.DateOfBirth;
        Query.Where(w => w.IsActive && !w.KeptByAgency
            && (w.Email == email
                || (hasPhone && w.Phone != null && w.Phone.Replace(" ", string.Empty).EndsWith(national))
                || (hasNumber && w.Registration != null && w.Registration.Body == body && w.Registration.Number.EndsWith(number))
                || (born != null && w.DateOfBirth == born)))
            .AsNoTracking();
    }
}

/// <summary>
/// The agency's candidates who could be put forward for a vacancy, by name: in use, in its job family, on the register
/// it needs, with a DBS certificate of the level it needs (or higher) where it states one, and not already put forward for it (<paramref name="putForward"/>), optionally by the start of a name.
/// At most <paramref name="take"/>: an agency keeps thousands.
/// </summary>
public sealed class PutForwardChoicesSpec : Specification<Worker, CandidateChoice>
{
    public PutForwardChoicesSpec(int agencyId, JobFamily family, RegistrationBody register, DbsLevel? dbs, IReadOnlyCollection<int> putForward, string? name, int take)
    {
        ArgumentNullException.ThrowIfNull(putForward);
        if (dbs is { } needed)
        {
            // Stored by name, so the levels that will do are listed rather than compared.
            var enough = Enum.GetValues<DbsLevel>().Where(level => level >= needed).ToList();
            Query.Where(w => w.Dbs != null && enough.Contains(w.Dbs.Level));
        }
        Query.Where(w => w.SupplyAgencyId == agencyId && w.KeptByAgency && w.IsActive && w.JobFamily == family && !putForward.Contains(w.Id));
        if (register != RegistrationBody.None) Query.Where(w => w.Registration != null && w.Registration.Body == register);
        NameSearch.Narrow(Query, name);
        Query.OrderBy(w => w.LastName).ThenBy(w => w.FirstName).ThenBy(w => w.Id);
        Query.Take(take);
        Query.Select(w => new CandidateChoice(w.Id, w.FirstName + " " + w.LastName));
    }
}

public sealed record CandidateChoice(int Id, string Name);

/// <summary>The workers an agency has put forward for a requisition and not withdrawn.</summary>
public sealed class PutForwardWorkersSpec : Specification<Submission, int>
{
    public PutForwardWorkersSpec(int agencyId, int requisitionId)
    {
        Query.Where(s => s.SupplyAgencyId == agencyId && s.RequisitionId == requisitionId && s.Status != SubmissionStatus.Withdrawn);
        Query.Select(s => s.WorkerId);
    }
}

/// <summary>One agency's submissions, newest first, optionally for one requisition.</summary>
public sealed class AgencySubmissionsSpec : Specification<Submission>
{
    public AgencySubmissionsSpec(int agencyId, int? requisitionId = null, int? skip = null, int? take = null)
    {
        Query.Where(s => s.SupplyAgencyId == agencyId);
        if (requisitionId is { } id) Query.Where(s => s.RequisitionId == id);
        Query.OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id).AsNoTracking();
        if (skip is { } sk) Query.Skip(sk);
        if (take is { } t) Query.Take(t);
    }
}

/// <summary>Every agency's submissions for one requisition, for the recruiter's shortlist.</summary>
public sealed class RequisitionSubmissionsSpec : Specification<Submission>
{
    public RequisitionSubmissionsSpec(int requisitionId)
    {
        Query.Where(s => s.RequisitionId == requisitionId).OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).AsNoTracking();
    }
}

public sealed class SubmissionByIdSpec : Specification<Submission>
{
    public SubmissionByIdSpec(int id, bool forUpdate)
    {
        Query.Where(s => s.Id == id);
        if (!forUpdate) Query.AsNoTracking();
    }
}

/// <summary>The submission of a worker for a requisition still waiting for a decision or shortlisted: a booking places it.</summary>
public sealed class LiveSubmissionSpec : Specification<Submission>
{
    public LiveSubmissionSpec(int requisitionId, int workerId, SubmissionStatus status)
    {
        Query.Where(s => s.RequisitionId == requisitionId && s.WorkerId == workerId && s.Status == status);
    }
}

/// <summary>The claims already made on any of a person's keys for a requisition, with the submissions holding them, for change.</summary>
public sealed class ClaimsOnSpec : Specification<CandidateClaim>
{
    public ClaimsOnSpec(int requisitionId, IReadOnlyCollection<string> keys)
    {
        Query.Where(c => c.RequisitionId == requisitionId && keys.Contains(c.Key)).Include(c => c.Submission);
    }
}

/// <summary>A worker's submissions still waiting for a decision or shortlisted, for change.</summary>
public sealed class LiveSubmissionsOfSpec : Specification<Submission>
{
    public LiveSubmissionsOfSpec(int workerId) =>
        Query.Where(s => s.WorkerId == workerId && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Shortlisted));
}

/// <summary>A requisition's submissions still waiting for a decision or shortlisted, for change.</summary>
public sealed class LiveSubmissionsForSpec : Specification<Submission>
{
    public LiveSubmissionsForSpec(int requisitionId) =>
        Query.Where(s => s.RequisitionId == requisitionId && (s.Status == SubmissionStatus.Received || s.Status == SubmissionStatus.Shortlisted));
}

/// <summary>The claims a submission holds, released when it is withdrawn.</summary>
public sealed class ClaimsOfSubmissionSpec : Specification<CandidateClaim>
{
    public ClaimsOfSubmissionSpec(int submissionId)
    {
        Query.Where(c => c.SubmissionId == submissionId).Include(c => c.Submission);
    }
}
