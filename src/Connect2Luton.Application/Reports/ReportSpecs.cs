using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// When each placement someone was in post on at some time between two days ran: started by the last day and not
/// ended before the first (booked-but-cancelled never counts).
/// </summary>
public sealed class InPostSpansSpec : Specification<Placement, InPostSpan>
{
    public InPostSpansSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int> serviceAreaIds, IReadOnlyCollection<int> jobRoleIds)
    {
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.Status != PlacementStatus.AwaitingSignOff && p.StartDate <= to && (p.ActualEndDate ?? p.PlannedEndDate) >= from
            && Inline.Values(serviceAreaIds).Contains(p.ServiceAreaId) && Inline.Values(jobRoleIds).Contains(p.JobRoleId));
        Query.Select(p => new InPostSpan { StartDate = p.StartDate, EndDate = p.ActualEndDate ?? p.PlannedEndDate, Placements = 1 });
    }
}

/// <summary>A span of dates placements ran for, and how many ran for exactly it.</summary>
public sealed class InPostSpan
{
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public int Placements { get; init; }
}

/// <summary>Every service, by name, with its establishment where known.</summary>
public sealed class ServiceAreasWithEstablishmentSpec : Specification<Domain.ServiceAreas.ServiceArea>
{
    public ServiceAreasWithEstablishmentSpec() => Query.OrderBy(a => a.Name).AsNoTracking();
}

/// <summary>
/// Placements in post today that started on or before a date (12 months ago, for the long-running list), as rows:
/// every column read is in the live money index, so the list is read from it alone.
/// </summary>
public sealed class LongRunningPlacementRowsSpec : Specification<Placement, LongRunningPlacementRow>
{
    public LongRunningPlacementRowsSpec(DateOnly startedOnOrBefore, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds)
    {
        var startedBy = startedOnOrBefore < today ? startedOnOrBefore : today;
        Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= startedBy);
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => new LongRunningPlacementRow(p.Id, p.WorkerId, p.JobRoleId, p.ServiceAreaId, p.StartDate, p.Rates.ChargeRate, p.WeeklyHours));
    }
}

public sealed record LongRunningPlacementRow(int Id, int WorkerId, int JobRoleId, int ServiceAreaId, DateOnly StartDate, decimal ChargeRate, decimal WeeklyHours);

/// <summary>
/// Assignments to the given roles in the given services that ran at any time between two days, as flat rows in no
/// order, read from the in-post index alone. Neither an order nor the rate changes are asked for here: either has the
/// database walk every placement ever started (by start date, or by id to gather each one's changes) rather than the
/// roles' own entries.
/// </summary>
public sealed class DfeAssignmentRowsSpec : Specification<Placement, DfeAssignmentRow>
{
    /// <param name="page">One page, in order of starting; none for every row, in no order.</param>
    /// <param name="onlyThese">Only these placements, where they are assignments of the quarter.</param>
    public DfeAssignmentRowsSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int> serviceAreaIds, IReadOnlyCollection<int> jobRoleIds,
        PageRequest? page = null, IReadOnlyCollection<int>? onlyThese = null)
    {
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.Status != PlacementStatus.AwaitingSignOff && p.StartDate <= to && (p.ActualEndDate ?? p.PlannedEndDate) >= from
            && Inline.Values(serviceAreaIds).Contains(p.ServiceAreaId) && Inline.Values(jobRoleIds).Contains(p.JobRoleId));
        if (onlyThese is not null) Query.Where(p => onlyThese.Contains(p.Id));
        if (page is not null) Query.OrderBy(p => p.StartDate).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Size);
        Query.Select(p => new DfeAssignmentRow(p.Id, p.WorkerId, p.RequisitionId, p.JobRoleId, p.Rates.PayRate, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate));
    }
}

/// <summary>
/// Every pay rate change taking effect after a day, with its placement: only those matter to the rate in force on the
/// day (RateInForce), and a quarter's changes are few beside a quarter's assignments.
/// </summary>
public sealed class PayRateChangesAfterSpec : Specification<PlacementRateChange, DfeRateChange>
{
    public PayRateChangesAfterSpec(DateOnly day)
    {
        Query.Where(c => c.EffectiveFrom > day);
        // In the order they were made, as RateInForce takes the first of a day's changes.
        Query.OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Id);
        Query.Select(c => new DfeRateChange { PlacementId = c.PlacementId, EffectiveFrom = c.EffectiveFrom, PreviousPayRate = c.PreviousPayRate });
    }
}

public sealed record DfeAssignmentRow(int Id, int WorkerId, int RequisitionId, int JobRoleId, decimal PayRateNow, DateOnly StartDate, DateOnly EndDate);

/// <summary>A change to an assignment's pay rate: from when, and the rate before it.</summary>
public sealed class DfeRateChange
{
    public int PlacementId { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public decimal PreviousPayRate { get; init; }
}

public sealed class WorkerRegistrationNumbersSpec : Specification<Domain.Workers.Worker, WorkerRegistrationNumber>
{
    public WorkerRegistrationNumbersSpec(IReadOnlyCollection<int> workerIds)
    {
        Query.Where(w => workerIds.Contains(w.Id) && w.Registration != null);
        Query.Select(w => new WorkerRegistrationNumber(w.Id, w.Registration!.Number));
    }
}

public sealed record WorkerRegistrationNumber(int WorkerId, string Number);

/// <summary>Every project team's requisition: a few beside the requisitions of a quarter's assignments.</summary>
public sealed class ProjectTeamRequisitionsSpec : Specification<Domain.Requisitions.Requisition, int>
{
    public ProjectTeamRequisitionsSpec()
    {
        Query.Where(r => r.IsProjectTeam);
        Query.Select(r => r.Id);
    }
}

/// <summary>
/// The cap exceptions recorded before a moment, in the order they were signed off: a few a week at most, so fewer
/// than the assignments of a quarter whose ids would otherwise be sent to find them.
/// </summary>
public sealed class CapExceptionsRecordedBeforeSpec : Specification<CapException>
{
    public CapExceptionsRecordedBeforeSpec(DateTimeOffset before)
    {
        Query.Where(e => e.RecordedAt < before).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).AsNoTracking();
    }
}

/// <summary>The moments a run of days spans, as actions and sign-offs are stamped (UTC): from the first day's start to the day after the last.</summary>
public static class UtcDays
{
    public static (DateTimeOffset Start, DateTimeOffset End) Spanning(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
