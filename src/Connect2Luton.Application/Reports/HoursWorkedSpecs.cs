using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// The lines of approved timesheets for weeks from <c>first</c> to <c>last</c> (their Mondays), in the services given
/// and charged to the organisation given: the agreed figures, corrections included as lines of their own.
/// </summary>
public sealed class ApprovedLinesSpec : Specification<Timesheet, ApprovedLine>
{
    public ApprovedLinesSpec(DateOnly first, DateOnly last, IReadOnlyCollection<int>? serviceAreaIds, int? organisationId)
    {
        Query.Where(t => t.Status == TimesheetStatus.Approved && t.WeekStart >= first && t.WeekStart <= last);
        if (serviceAreaIds is not null) Query.Where(t => serviceAreaIds.Contains(t.ServiceAreaId));
        if (organisationId is { } organisation) Query.Where(t => t.HiringOrganisationId == organisation);
        // Set by name, not by constructor: the database groups the rows, and can only see through members it was given by name.
        Query.SelectMany(t => t.Lines, (t, l) => new ApprovedLine
        {
            HiringOrganisationId = t.HiringOrganisationId,
            ServiceAreaId = t.ServiceAreaId,
            JobRoleId = t.JobRoleId,
            SupplyAgencyId = t.SupplyAgencyId,
            Hours = l.Hours,
            Pay = l.Pay,
            Charge = l.Charge,
            Margin = l.Margin,
        });
    }
}

public sealed class ApprovedLine
{
    public int HiringOrganisationId { get; init; }
    public int ServiceAreaId { get; init; }
    public int JobRoleId { get; init; }
    public int SupplyAgencyId { get; init; }
    public decimal Hours { get; init; }
    public decimal Pay { get; init; }
    public decimal Charge { get; init; }
    public decimal Margin { get; init; }
}

/// <summary>
/// The placements that ran on any day from <c>from</c> to <c>to</c> (booked and not called off), each with how many
/// of those days it ran and its committed week.
/// </summary>
public sealed class CommittedDaysSpec : Specification<Placement, CommittedDay>
{
    public CommittedDaysSpec(DateOnly from, DateOnly to, IReadOnlyCollection<int>? serviceAreaIds)
    {
        Query.Where(p => p.Status != PlacementStatus.Cancelled && p.Status != PlacementStatus.AwaitingSignOff && p.StartDate <= to && (p.ActualEndDate ?? p.PlannedEndDate) >= from);
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => new CommittedDay
        {
            ServiceAreaId = p.ServiceAreaId,
            JobRoleId = p.JobRoleId,
            SupplyAgencyId = p.SupplyAgencyId,
            Days = ((p.ActualEndDate ?? p.PlannedEndDate) < to ? (p.ActualEndDate ?? p.PlannedEndDate) : to).DayNumber
                - (p.StartDate > from ? p.StartDate : from).DayNumber + 1,
            WeeklyCharge = p.CommittedWeek.Charge,
        });
    }
}

public sealed class CommittedDay
{
    public int ServiceAreaId { get; init; }
    public int JobRoleId { get; init; }
    public int SupplyAgencyId { get; init; }
    public int Days { get; init; }
    public decimal WeeklyCharge { get; init; }
}

/// <summary>Timesheets of the weeks sent and waiting for approval, as rows of their status and charge.</summary>
public sealed class SentTimesheetsSpec : Specification<Timesheet, SentTimesheet>
{
    public SentTimesheetsSpec(DateOnly first, DateOnly last, IReadOnlyCollection<int>? serviceAreaIds, int? organisationId)
    {
        Query.Where(t => t.Status == TimesheetStatus.Submitted && t.WeekStart >= first && t.WeekStart <= last);
        if (serviceAreaIds is not null) Query.Where(t => serviceAreaIds.Contains(t.ServiceAreaId));
        if (organisationId is { } organisation) Query.Where(t => t.HiringOrganisationId == organisation);
        Query.Select(t => new SentTimesheet { Status = t.Status, Charge = t.Charge });
    }
}

public sealed class SentTimesheet
{
    public TimesheetStatus Status { get; init; }
    public decimal Charge { get; init; }
}

/// <summary>The open "pay parity due" flags, as rows.</summary>
public sealed class OpenParityFlagsSpec : Specification<PlacementFlag, OpenParityFlag>
{
    public OpenParityFlagsSpec()
    {
        Query.Where(f => f.Kind == PlacementFlagKind.PayParityDue && f.ResolvedAt == null);
        Query.Select(f => new OpenParityFlag(f.PlacementId, f.RaisedOn, f.Message));
    }
}

public sealed record OpenParityFlag(int PlacementId, DateOnly RaisedOn, string Message);

/// <summary>The given placements that are in the services given (all, where none are), as rows.</summary>
public sealed class PlacementsInServicesSpec : Specification<Placement, PlacementInService>
{
    public PlacementsInServicesSpec(IReadOnlyCollection<int> ids, IReadOnlyCollection<int>? serviceAreaIds)
    {
        Query.Where(p => ids.Contains(p.Id));
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => new PlacementInService(p.Id, p.WorkerId, p.JobRoleId, p.ServiceAreaId));
    }
}

public sealed record PlacementInService(int Id, int WorkerId, int JobRoleId, int ServiceAreaId);
