using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers.OwnRecord;

/// <summary>A worker's placement as their own page lists it, with the weeks they still owe hours for.</summary>
public sealed record OwnPlacement(int Id, string JobRole, string ServiceArea, DateOnly Start, DateOnly End, IReadOnlyList<DateOnly> WeeksWithoutHours);

/// <summary>What a signed-in worker sees of their own record: their details, their placements and their timesheets.</summary>
public sealed record OwnRecordView(
    int WorkerId, int Version, string Name, string Email, string? Phone, string Postcode, bool OpenToPermanentJob,
    IReadOnlyList<OwnPlacement> Placements, IReadOnlyList<TimesheetRow> Timesheets, DateOnly LastWeek, DateOnly ThisWeek);

/// <summary>What a worker types to keep their details up to date.</summary>
public sealed record OwnDetailsInput(string? Phone, string? Postcode, bool OpenToPermanentJob);

/// <summary>
/// A signed-in worker's own record: nothing but theirs, found by the worker their account is linked to. Weeks without
/// hours are counted back from last week over the last eight, so a week forgotten shows until its hours are in.
/// </summary>
public sealed class OwnWorkerRecord(
    IRepository<Worker> workers,
    IReadRepository<Placement> placements,
    TimesheetQueries timesheets,
    IReadRepository<Timesheet> timesheetRows,
    ReferenceNames names,
    DataScope scope,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public const int WeeksLookedBack = 8;

    public async Task<OwnRecordView?> ViewAsync(CancellationToken cancellationToken)
    {
        if (scope.OnlyWorker is not { } workerId || workerId == DataScope.NoWorker) return null;
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId), cancellationToken);
        if (worker is null) return null;
        var today = clock.Today();
        var thisWeek = TimesheetWeek.MondayOf(today);
        var lastWeek = thisWeek.AddDays(-7);
        var earliest = thisWeek.AddDays(-7 * WeeksLookedBack);
        var own = await placements.ListAsync(new OwnPlacementsSpec(workerId, earliest), cancellationToken);
        var entered = (await timesheetRows.ListAsync(new OwnWeeksSpec(workerId, earliest), cancellationToken)).ToHashSet();
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var listed = own.Select(p =>
        {
            var weeks = new List<DateOnly>();
            for (var week = lastWeek; week >= earliest && week.AddDays(6) >= p.StartDate; week = week.AddDays(-7))
                if (week <= p.End && !entered.Contains((p.Id, week))) weeks.Add(week);
            return new OwnPlacement(p.Id, roles.GetValueOrDefault(p.JobRoleId, "(role no longer on record)"), areas.GetValueOrDefault(p.ServiceAreaId, "(service no longer on record)"), p.StartDate, p.End, weeks);
        }).ToList();
        var recent = await timesheets.ListAsync(new TimesheetFilter(), null, null, cancellationToken);
        return new OwnRecordView(worker.Id, worker.Version, worker.FullName, worker.Email, worker.Phone, worker.Postcode, worker.OpenToPermanentJob,
            listed, recent.Rows, lastWeek, thisWeek);
    }

    public async Task<CommandResult> UpdateDetailsAsync(int version, OwnDetailsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (scope.OnlyWorker is not { } workerId || workerId == DataScope.NoWorker) return CommandResult.Forbidden("Only a worker keeps their own details.");
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId, forUpdate: true), cancellationToken);
        if (worker is null) return CommandResult.NotFound();
        var errors = new FieldErrors();
        errors.Text(nameof(input.Phone), input.Phone, Domain.Common.Limits.Phone, "Your phone number");
        if (!errors.Has(nameof(input.Phone)) && !string.IsNullOrWhiteSpace(input.Phone) && !TextFormats.IsUkPhone(input.Phone))
            errors.Add(nameof(input.Phone), "Enter a UK phone number, like 01582 546000 or 07700 900 982");
        UkPostcode? postcode = null;
        if (string.IsNullOrWhiteSpace(input.Postcode)) errors.Add(nameof(input.Postcode), "Enter your postcode");
        else if (!UkPostcode.TryParse(input.Postcode, out postcode)) errors.Add(nameof(input.Postcode), "Enter a full UK postcode, like LU1 3JH");
        if (errors.Any) return errors.ToResult();

        workers.ExpectVersion(worker, version);
        worker.UpdateContact(string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(), postcode!, input.OpenToPermanentJob);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(worker.Id);
    }
}

/// <summary>A worker's placements live over the weeks looked back on, started or booked, earliest first.</summary>
public sealed class OwnPlacementsSpec : Specification<Placement, OwnPlacementRow>
{
    public OwnPlacementsSpec(int workerId, DateOnly since)
    {
        Query.Where(p => p.WorkerId == workerId && (p.Status == PlacementStatus.Active || p.Status == PlacementStatus.Ended || p.Status == PlacementStatus.Converted)
                && (p.ActualEndDate ?? p.PlannedEndDate) >= since)
            .OrderBy(p => p.StartDate);
        Query.Select(p => new OwnPlacementRow(p.Id, p.JobRoleId, p.ServiceAreaId, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate));
    }
}

public sealed record OwnPlacementRow(int Id, int JobRoleId, int ServiceAreaId, DateOnly StartDate, DateOnly End);

/// <summary>The placement weeks a worker has sent hours for, over the weeks looked back on.</summary>
public sealed class OwnWeeksSpec : Specification<Timesheet, (int PlacementId, DateOnly WeekStart)>
{
    public OwnWeeksSpec(int workerId, DateOnly since)
    {
        // Sent and waiting, or approved: a week saved and not sent, or queried back, is still the worker's to send.
        Query.Where(t => t.WorkerId == workerId && t.WeekStart >= since && (t.Status == TimesheetStatus.Submitted || t.Status == TimesheetStatus.Approved));
        Query.Select(t => new ValueTuple<int, DateOnly>(t.PlacementId, t.WeekStart));
    }
}
