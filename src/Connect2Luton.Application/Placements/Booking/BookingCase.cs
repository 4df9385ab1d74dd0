using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Booking;

/// <summary>Everything a booking is decided on, read once per request: the requisition, the worker, their role, service, supplier and other placements.</summary>
public sealed record BookingCase(
    Requisition Requisition, Worker Worker, JobRole Role, ServiceAreaSummary Area, SupplyAgencySummary Supplier,
    IReadOnlyList<WorkerPlacementRow> History, bool IsShortlisted)
{
    /// <summary>The worker's live placement on this requisition, once booked on it: a booking sent twice finds it.</summary>
    public int? PlacedHere => History.FirstOrDefault(p => p.RequisitionId == Requisition.Id && p.Status is PlacementStatus.Active or PlacementStatus.AwaitingSignOff)?.Id;

    /// <summary>The booking form's starting point: the requisition's terms and what the worker's checks say for them.</summary>
    public PlacementProposalView Proposal()
    {
        var r = Requisition;
        return new PlacementProposalView(
            r.Id, r.Version, r.Title, Area.Name, Role.Title, r.StartDate, r.EndDate, r.WeeklyHours, r.MaximumPayRate,
            Worker.Id, Worker.FullName, Worker.Postcode, Supplier.Name, Supplier.MarginRate,
            BookingCompliance.Warnings(Worker, Role, r.StartDate, r.EndDate).Concat(BookingCompliance.Refusals(Worker, Role, r.StartDate)).ToList());
    }
}

/// <summary>Reads a <see cref="BookingCase"/>, for a requisition the user may see.</summary>
public sealed class BookingCases(
    IRepository<Requisition> requisitions,
    IReadRepository<Placement> placements,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    IReadRepository<Domain.ServiceAreas.ServiceArea> serviceAreas,
    ReferenceNames names,
    RequisitionPermissions permissions)
{
    /// <param name="forUpdate">Whether the requisition is tracked, to take the placement when it is booked.</param>
    /// <returns>Null where there is no such requisition or worker, or the requisition is not one the user sees.</returns>
    public async Task<BookingCase?> LoadAsync(int requisitionId, int workerId, bool forUpdate, CancellationToken cancellationToken)
    {
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithShortlistSpec(requisitionId, forUpdate), cancellationToken);
        if (requisition is null || !permissions.CanSee(requisition)) return null;
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId, forUpdate), cancellationToken);
        if (worker is null) return null;
        var role = await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(requisition.JobRoleId), cancellationToken);
        var area = await serviceAreas.FirstOrDefaultAsync(new ServiceAreaByIdSpec(requisition.ServiceAreaId), cancellationToken);
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == worker.SupplyAgencyId);
        var history = await placements.ListAsync(new WorkerPlacementsSpec(worker.Id), cancellationToken);
        var shortlisted = worker.IsActive && requisition.Shortlist.Any(e => e.WorkerId == worker.Id && e.Status == ShortlistEntryStatus.Shortlisted);
        return new BookingCase(requisition, worker, role!, area!, supplier, history, shortlisted);
    }
}
