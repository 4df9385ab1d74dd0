using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Timesheets;

/// <summary>An approved week paid at a rate since changed back to before it (AWR pay parity, above all), and what it is owed.</summary>
public sealed record Underpayment(int PlacementId, int TimesheetId, DateOnly WeekStart, string Worker, string JobRole, string ServiceArea, decimal Hours, decimal Paid, decimal Owed)
{
    public int ServiceAreaId { get; init; }
}

/// <summary>
/// Approved weeks owed pay: AWR pay parity the nightly job found due and not paid (a week approved from the day it
/// was due, below the rate the rules then allow), or a rate change recorded after a week was approved, taking effect on or before its last
/// day (AWR pay parity applied from the day it was due), leaves the week's lines priced at the old rate. For each
/// such week, as now agreed (its latest approved timesheet), each line's pay at the rate now in force that day, less
/// what it was paid, to the penny; what a correction of the week then pays. Rate changes are few, so the placements
/// that have one are read and their approved weeks with them. A week stays with the organisation it was charged to
/// (its correction is charged there too), as on the timesheets list, whatever organisation its service is in now.
/// </summary>
public sealed class Underpayments(
    IReadRepository<Placement> placements,
    IReadRepository<PlacementFlag> flags,
    IReadRepository<Timesheet> timesheets,
    IReadRepository<Domain.Workers.Worker> workers,
    IPayRatePolicy payRates,
    AwrParity parity,
    ReferenceNames names,
    DataScope scope)
{
    /// <summary>The weeks owed pay in the services the user sees, narrowed to one of them and to the organisation the weeks were charged to where chosen.</summary>
    public async Task<IReadOnlyList<Underpayment>> ListAsync(int? serviceAreaId, int? hiringOrganisationId, CancellationToken cancellationToken)
    {
        var within = scope.Within(serviceAreaId);
        var changed = await placements.ListAsync(new RateChangedPlacementsSpec(within), cancellationToken);
        // Placements the nightly job found due AWR pay parity and still paid below it: weeks approved from the day it
        // was due are owed parity already, before anyone changes the rate (approved before the check, or imported).
        var flaggedIds = (await flags.ListAsync(new Reports.OpenParityFlagsSpec(), cancellationToken)).Select(f => f.PlacementId).ToHashSet();
        var flagged = flaggedIds.Except(changed.Select(p => p.Id)).ToList();
        var due = flagged.Count == 0 ? []
            : (await placements.ListAsync(new PlacementsWithRatesSpec(flagged), cancellationToken)).Where(p => within is null || within.Contains(p.ServiceAreaId)).ToList();
        var looked = changed.Concat(due).ToList();
        if (looked.Count == 0) return [];
        var approved = await timesheets.ListAsync(new ApprovedWeeksSpec([.. looked.Select(p => p.Id)], hiringOrganisationId), cancellationToken);
        var terms = new Dictionary<DateOnly, TimesheetTerms>();
        var owed = new List<(Timesheet Sheet, decimal Paid, decimal Owed)>();
        foreach (var placement in looked)
        {
            var weeks = approved.Where(t => t.PlacementId == placement.Id).GroupBy(t => t.WeekStart).Select(w => w.MaxBy(t => t.Sequence)!).ToList();
            if (weeks.Count == 0) continue;
            var parityDue = flaggedIds.Contains(placement.Id) ? await parity.DueAsync(placement, cancellationToken) : null;
            foreach (var latest in weeks)
            {
                // Short only by a rate change recorded after the week was approved and in force by its end, or by
                // parity due by its end and not paid.
                var changedSince = placement.RateChanges.Any(c => c.RecordedAt > latest.ApprovedAt && c.EffectiveFrom <= latest.WeekEnd);
                if (!changedSince && (parityDue is null || parityDue.From > latest.WeekEnd)) continue;
                var (paid, owes) = (0m, 0m);
                foreach (var line in latest.Lines.Where(l => !l.IsReversal))
                {
                    if (!terms.TryGetValue(line.Day, out var dayTerms)) terms[line.Day] = dayTerms = await payRates.TimesheetTermsAsync(line.Day, cancellationToken);
                    var hourly = parityDue is { } p && line.Day >= p.From ? Math.Max(placement.PayRateOn(line.Day), p.RateNeeded) : placement.PayRateOn(line.Day);
                    var rateNow = Money.ToPenny(hourly * dayTerms.PayShareOf(line.Type));
                    paid += line.Pay;
                    owes += Math.Max(line.Pay, Money.ToPenny(line.Hours * rateNow));
                }
                if (owes > paid) owed.Add((latest, paid, owes - paid));
            }
        }
        if (owed.Count == 0) return [];
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec([.. owed.Select(o => o.Sheet.WorkerId).Distinct()]), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return [.. owed.OrderByDescending(o => o.Sheet.WeekStart).ThenBy(o => o.Sheet.PlacementId).Select(o => new Underpayment(
            o.Sheet.PlacementId, o.Sheet.Id, o.Sheet.WeekStart, workerNames.GetValueOrDefault(o.Sheet.WorkerId, "(no longer on record)"),
            roles.GetValueOrDefault(o.Sheet.JobRoleId, "(no longer on record)"), areas.GetValueOrDefault(o.Sheet.ServiceAreaId, "(no longer on record)"),
            o.Sheet.Hours, o.Paid, o.Owed) { ServiceAreaId = o.Sheet.ServiceAreaId })];
    }
}

/// <summary>Placements whose rates have changed, with the changes, in the services the user sees.</summary>
public sealed class RateChangedPlacementsSpec : Specification<Placement>
{
    public RateChangedPlacementsSpec(IReadOnlyCollection<int>? serviceAreas)
    {
        Query.Where(p => p.RateChanges.Any());
        if (serviceAreas is not null) Query.Where(p => serviceAreas.Contains(p.ServiceAreaId));
        Query.Include(p => p.RateChanges).AsNoTracking();
    }
}

/// <summary>The approved timesheets of some placements, with their lines; only those charged to one organisation where it is given.</summary>
public sealed class ApprovedWeeksSpec : Specification<Timesheet>
{
    public ApprovedWeeksSpec(IReadOnlyCollection<int> placementIds, int? hiringOrganisationId = null)
    {
        Query.Where(t => placementIds.Contains(t.PlacementId) && t.Status == TimesheetStatus.Approved);
        if (hiringOrganisationId is { } organisation) Query.Where(t => t.HiringOrganisationId == organisation);
        Query.Include(t => t.Lines).AsNoTracking();
    }
}
