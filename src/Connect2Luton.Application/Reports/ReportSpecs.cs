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
            && serviceAreaIds.Contains(p.ServiceAreaId) && jobRoleIds.Contains(p.JobRoleId));
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

/// <summary>Assignments to the given roles in the given services that ran at any time between two days, oldest first.</summary>
public sealed class DfeAssignmentRowsSpec : Specification<Placement, DfeAssignmentRow>
{
    public DfeAssignmentRowsSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int> serviceAreaIds, IReadOnlyCollection<int> jobRoleIds)
    {
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.Status != PlacementStatus.AwaitingSignOff && p.StartDate <= to && (p.ActualEndDate ?? p.PlannedEndDate) >= from
            && serviceAreaIds.Contains(p.ServiceAreaId) && jobRoleIds.Contains(p.JobRoleId));
        Query.OrderBy(p => p.StartDate).ThenBy(p => p.Id);
        // Only the changes after the period matter to the rate in force at its end (RateInForce); most placements have none.
        Query.Select(p => new DfeAssignmentRow(p.Id, p.WorkerId, p.RequisitionId, p.JobRoleId, p.Rates.PayRate,
            p.RateChanges.Where(c => c.EffectiveFrom > to).Select(c => new RateChangeOn(c.EffectiveFrom, c.PreviousPayRate)).ToList(),
            p.StartDate, p.ActualEndDate ?? p.PlannedEndDate));
    }
}

public sealed record DfeAssignmentRow(int Id, int WorkerId, int RequisitionId, int JobRoleId, decimal PayRateNow, IReadOnlyList<RateChangeOn> LaterChanges, DateOnly StartDate, DateOnly EndDate)
{
    public decimal PayRateOn(DateOnly day) => RateInForce.On(day, PayRateNow, LaterChanges);
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

public sealed class ProjectTeamRequisitionsSpec : Specification<Domain.Requisitions.Requisition, int>
{
    public ProjectTeamRequisitionsSpec(IReadOnlyCollection<int> requisitionIds)
    {
        Query.Where(r => requisitionIds.Contains(r.Id) && r.IsProjectTeam);
        Query.Select(r => r.Id);
    }
}

/// <summary>The cap exceptions recorded on the given placements before a moment, in the order they were signed off.</summary>
public sealed class CapExceptionsOfPlacementsSpec : Specification<CapException>
{
    public CapExceptionsOfPlacementsSpec(IReadOnlyCollection<int> placementIds, DateTimeOffset before)
    {
        Query.Where(e => placementIds.Contains(e.PlacementId) && e.RecordedAt < before).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).AsNoTracking();
    }
}

/// <summary>The moments a run of days spans, as actions and sign-offs are stamped (UTC): from the first day's start to the day after the last.</summary>
public static class UtcDays
{
    public static (DateTimeOffset Start, DateTimeOffset End) Spanning(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
