using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Reports;

/// <summary>A rate above its cap: on which placement, against which cap, under which rule version, signed off by whom and when, and why.</summary>
/// <param name="RuleSetVersion">The pay-rate rules' version that found the rate over the cap (null for exceptions recorded before decisions were kept).</param>
/// <param name="Approvers">Each post's sign-off in words: who signed for it and when (<see cref="CapSignatures.InWords"/>).</param>
/// <param name="Standing">Signed off, waiting for sign-off, or declined.</param>
public sealed record CapExceptionEntry(
    int PlacementId, string Worker, string Role, string ServiceArea, DateOnly StartDate, DateOnly EndDate,
    decimal PayRate, decimal ChargeRate, decimal Measured, decimal Cap, string? RuleSetVersion, string Approvers, string Reason, string RecordedBy, DateTimeOffset RecordedAt, string Standing = "Signed off");

/// <summary>
/// The cap exception register: every rate booked above its cap in a period, newest first, for the services the
/// reader sees, with who signed it off and when (or that it waits, or was declined). The placements are found in the
/// database by their exceptions, then the exceptions and their sign-offs read for them.
/// </summary>
public sealed class CapExceptionRegister(
    IReadRepository<Placement> placements, IReadRepository<CapException> exceptions, IReadRepository<SignOff> signOffs, IReadRepository<Worker> workers, ReferenceNames names, ReportScope scope)
{
    public async Task<IReadOnlyList<CapExceptionEntry>> ListAsync(DateOnly from, DateOnly to, int? serviceAreaId, CancellationToken cancellationToken)
    {
        var (start, end) = UtcDays.Spanning(from, to);
        var rows = await placements.ListAsync(new PlacementsWithCapExceptionsSpec(start, end, scope.ServiceAreas(serviceAreaId)), cancellationToken);
        if (rows.Count == 0) return [];
        var byId = rows.ToDictionary(r => r.Id);
        var entries = await exceptions.ListAsync(new CapExceptionRowsSpec(byId.Keys.ToList(), start, end), cancellationToken);
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec(rows.Select(r => r.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var signatures = await CapSignatures.ReadAsync(signOffs, entries.Select(e => e.Id).ToList(), cancellationToken);
        return entries.Select(e =>
        {
            var p = byId[e.PlacementId];
            var signed = signatures[e.Id].ToList();
            return new CapExceptionEntry(p.Id, workerNames.GetValueOrDefault(p.WorkerId, "?"), roles.GetValueOrDefault(p.JobRoleId, "?"), areas.GetValueOrDefault(p.ServiceAreaId, "?"),
                p.StartDate, p.EndDate, e.PayRate, e.ChargeRate, e.Measured, e.Cap, e.RuleSetVersion, CapSignatures.InWords(signed, e.Approvers), e.Reason, e.RecordedBy, e.RecordedAt,
                CapSignatures.Standing(signed));
        }).ToList();
    }
}

public sealed class PlacementsWithCapExceptionsSpec : Specification<Placement, CapExceptionPlacementRow>
{
    public PlacementsWithCapExceptionsSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? serviceAreaIds)
    {
        Query.Where(p => p.CapExceptions.Any(e => e.RecordedAt >= start && e.RecordedAt < end));
        if (serviceAreaIds is not null) Query.Where(p => serviceAreaIds.Contains(p.ServiceAreaId));
        Query.Select(p => new CapExceptionPlacementRow(p.Id, p.WorkerId, p.JobRoleId, p.ServiceAreaId, p.StartDate, p.ActualEndDate ?? p.PlannedEndDate));
    }
}

public sealed record CapExceptionPlacementRow(int Id, int WorkerId, int JobRoleId, int ServiceAreaId, DateOnly StartDate, DateOnly EndDate);

public sealed class CapExceptionRowsSpec : Specification<CapException, CapExceptionRow>
{
    public CapExceptionRowsSpec(IReadOnlyCollection<int> placementIds, DateTimeOffset start, DateTimeOffset end)
    {
        Query.Where(e => placementIds.Contains(e.PlacementId) && e.RecordedAt >= start && e.RecordedAt < end);
        Query.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id);
        Query.Select(e => new CapExceptionRow(e.Id, e.PlacementId, e.PayRate, e.ChargeRate, e.Measured, e.Cap,
            e.Decision != null ? e.Decision.RuleSetVersion : null, e.Approvers, e.Reason, e.RecordedBy, e.RecordedAt));
    }
}

public sealed record CapExceptionRow(int Id, int PlacementId, decimal PayRate, decimal ChargeRate, decimal Measured, decimal Cap, string? RuleSetVersion, string Approvers, string Reason, string RecordedBy, DateTimeOffset RecordedAt, string Standing = "Signed off");
