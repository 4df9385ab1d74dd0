using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// The kinds of agency requisitions were released to between two moments (a requisition reaches every agency of a
/// kind at once), read through the (kind, released at) index.
/// </summary>
public sealed class ProfileReleasesBetweenSpec : Specification<ReleasedProfile, ProfileRelease>
{
    public ProfileReleasesBetweenSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        Query.Where(p => p.Tier != SupplyAgencyKind.InHousePool && p.ReleasedAt >= start && p.ReleasedAt < end);
        if (requisitionIds is not null) Query.Where(p => requisitionIds.Contains(p.RequisitionId));
        Query.Select(p => new ProfileRelease(p.Tier, p.OnDps, p.ConfirmsDfeAgencyRules, p.RequisitionId, p.ReleasedAt));
    }
}

public sealed record ProfileRelease(SupplyAgencyKind Tier, bool OnDps, bool ConfirmsDfeAgencyRules, int RequisitionId, DateTimeOffset ReleasedAt)
{
    public AgencyProfile Profile => new(Tier, OnDps, ConfirmsDfeAgencyRules);
}

/// <summary>Every agency with its kind as it is now, in use or not: the report counts what was released to each kind for the agencies of it.</summary>
public sealed class AgencyKindsSpec : Specification<SupplyAgency, SupplyChain.ActiveAgency>
{
    public AgencyKindsSpec()
    {
        Query.Where(a => a.Kind != SupplyAgencyKind.InHousePool);
        Query.Select(a => new SupplyChain.ActiveAgency(a.Id, a.Kind, a.DpsReference != null, a.ConfirmsDfeAgencyRules));
    }
}

public sealed record AgencyRelease(int SupplyAgencyId, SupplyAgencyKind Tier, int RequisitionId, DateTimeOffset ReleasedAt);

/// <summary>
/// The requisitions whose release first reached the in-house pool between two moments, and when. The pool may have
/// no agency to reach (its release is then a step alone), so it is read from the steps rather than the agencies.
/// </summary>
public sealed class InHouseReleasesBetweenSpec : Specification<SupplierRelease, TierRelease>
{
    public InHouseReleasesBetweenSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        Query.Where(r => r.Steps.Any(s => s.Tier == SupplyAgencyKind.InHousePool && (s.Kind == ReleaseStepKind.Released || s.Kind == ReleaseStepKind.ReleasedEarly)
                && s.At >= start && s.At < end)
            && !r.Steps.Any(s => s.Tier == SupplyAgencyKind.InHousePool && (s.Kind == ReleaseStepKind.Released || s.Kind == ReleaseStepKind.ReleasedEarly) && s.At < start));
        if (requisitionIds is not null) Query.Where(r => requisitionIds.Contains(r.RequisitionId));
        Query.Select(r => new TierRelease(r.RequisitionId, r.Steps
            .Where(s => s.Tier == SupplyAgencyKind.InHousePool && (s.Kind == ReleaseStepKind.Released || s.Kind == ReleaseStepKind.ReleasedEarly))
            .OrderBy(s => s.At).Select(s => s.At).First()));
    }
}

public sealed record TierRelease(int RequisitionId, DateTimeOffset ReleasedAt);

/// <summary>
/// Every submission since a moment, flat, to be grouped by agency and requisition (the first of each, and whether one
/// was placed). Asked agency by agency, as the releases are, so the (agency, submitted at) index gives the period alone.
/// </summary>
public sealed class SubmissionsSinceSpec : Specification<Submission, SubmissionMoment>
{
    public SubmissionsSinceSpec(DateTimeOffset start, IReadOnlyCollection<int> agencyIds, IReadOnlyCollection<int>? requisitionIds)
    {
        Query.Where(s => agencyIds.Contains(s.SupplyAgencyId) && s.SubmittedAt >= start);
        if (requisitionIds is not null) Query.Where(s => requisitionIds.Contains(s.RequisitionId));
        // Set by name, not by constructor: the database groups the rows, and can only see through members it was given by name.
        Query.Select(s => new SubmissionMoment
        {
            SupplyAgencyId = s.SupplyAgencyId,
            RequisitionId = s.RequisitionId,
            SubmittedAt = s.SubmittedAt,
            Placed = s.Status == SubmissionStatus.Placed ? 1 : 0,
        });
    }
}

public sealed class SubmissionMoment
{
    public int SupplyAgencyId { get; init; }
    public int RequisitionId { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public int Placed { get; init; }
}

/// <summary>An agency's first submission for a requisition, and whether any of its submissions for it is placed.</summary>
public sealed class FirstSubmission
{
    public int SupplyAgencyId { get; init; }
    public int RequisitionId { get; init; }
    public DateTimeOffset FirstAt { get; init; }
    public int Placed { get; init; }
}

/// <summary>The submissions made between two moments, flat, to be counted by agency, tier and where each stands now.</summary>
public sealed class SubmissionsBetweenSpec : Specification<Submission, SubmissionStanding>
{
    public SubmissionsBetweenSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        Query.Where(s => s.SubmittedAt >= start && s.SubmittedAt < end);
        if (requisitionIds is not null) Query.Where(s => requisitionIds.Contains(s.RequisitionId));
        Query.Select(s => new SubmissionStanding { SupplyAgencyId = s.SupplyAgencyId, Tier = s.Tier, Status = s.Status });
    }
}

public sealed class SubmissionStanding
{
    public int SupplyAgencyId { get; init; }
    public SupplyAgencyKind Tier { get; init; }
    public SubmissionStatus Status { get; init; }
    public int Submissions { get; init; }
}

/// <summary>The submissions made between two moments that are placed now: who was placed, for which requisition, through which agency.</summary>
public sealed class PlacedSubmissionsBetweenSpec : Specification<Submission, PlacedSubmission>
{
    public PlacedSubmissionsBetweenSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        Query.Where(s => s.Status == SubmissionStatus.Placed && s.SubmittedAt >= start && s.SubmittedAt < end);
        if (requisitionIds is not null) Query.Where(s => requisitionIds.Contains(s.RequisitionId));
        Query.Select(s => new PlacedSubmission(s.SupplyAgencyId, s.Tier, s.RequisitionId, s.WorkerId));
    }
}

public sealed record PlacedSubmission(int SupplyAgencyId, SupplyAgencyKind Tier, int RequisitionId, int WorkerId);

/// <summary>
/// The bookings (not called off) of the given workers on the given requisitions, with their committed weeks: a
/// superset of the placements made from submissions, matched to them by requisition and worker.
/// </summary>
public sealed class BookingsOfWorkersSpec : Specification<Placement, BookedWeek>
{
    public BookingsOfWorkersSpec(IReadOnlyCollection<int> requisitionIds, IReadOnlyCollection<int> workerIds)
    {
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.Status != PlacementStatus.AwaitingSignOff && requisitionIds.Contains(p.RequisitionId) && workerIds.Contains(p.WorkerId));
        Query.Select(p => new BookedWeek(p.RequisitionId, p.WorkerId, p.WorkerPostcodeDistrict, p.CommittedWeek.Margin, p.CommittedWeek.PayAndStatutoryCosts));
    }
}

public sealed record BookedWeek(int RequisitionId, int WorkerId, string WorkerPostcodeDistrict, decimal WeeklyMargin, decimal WeeklyPayAndStatutoryCosts);

/// <summary>The given agencies' workers booked between two moments (not called off), flat, to be summed by agency and worker.</summary>
public sealed class BookingsBetweenSpec : Specification<Placement, BookingWeek>
{
    public BookingsBetweenSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int> agencyIds, IReadOnlyCollection<int>? serviceAreaIds)
    {
        // The pool's agencies and the reader's services as values, so the planner reads the agencies' bookings by date.
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.Status != PlacementStatus.AwaitingSignOff && p.BookedAt >= start && p.BookedAt < end && Inline.Values(agencyIds).Contains(p.SupplyAgencyId));
        if (serviceAreaIds is not null) Query.Where(p => Inline.Values(serviceAreaIds).Contains(p.ServiceAreaId));
        Query.Select(p => new BookingWeek
        {
            SupplyAgencyId = p.SupplyAgencyId,
            WorkerPostcodeDistrict = p.WorkerPostcodeDistrict,
            Placements = 1,
            WeeklyMargin = p.CommittedWeek.Margin,
            WeeklyPayAndStatutoryCosts = p.CommittedWeek.PayAndStatutoryCosts,
        });
    }
}

public sealed class BookingWeek
{
    public int SupplyAgencyId { get; init; }
    public string WorkerPostcodeDistrict { get; init; } = string.Empty;
    public int Placements { get; init; }
    public decimal WeeklyMargin { get; init; }
    public decimal WeeklyPayAndStatutoryCosts { get; init; }
}

/// <summary>
/// The bookings (not called off) on the given requisitions: which agency filled which. Asked by requisition alone,
/// the agencies are picked out by the caller: asked by agency too, SQLite would walk the in-house pool's every
/// booking rather than the few requisitions' own.
/// </summary>
public sealed class FillsOfRequisitionsSpec : Specification<Placement, AgencyFill>
{
    public FillsOfRequisitionsSpec(IReadOnlyCollection<int> requisitionIds)
    {
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.Status != PlacementStatus.AwaitingSignOff && requisitionIds.Contains(p.RequisitionId));
        Query.Select(p => new AgencyFill { SupplyAgencyId = p.SupplyAgencyId, RequisitionId = p.RequisitionId });
    }
}

public sealed class AgencyFill
{
    public int SupplyAgencyId { get; init; }
    public int RequisitionId { get; init; }
}
