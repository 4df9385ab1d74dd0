using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;

using static Connect2Luton.Application.Reports.ReportMoney;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// Hours and cost worked in a part of the workforce over the weeks reported, against what was committed for them.
/// </summary>
/// <param name="Hours">Approved hours, net of corrections.</param>
/// <param name="Pay">What the workers were paid for them (before holiday pay and on-costs).</param>
/// <param name="Charge">What the hiring organisation is charged for them: pay, holiday pay, on-costs and margin.</param>
/// <param name="Committed">What the placements running in those weeks were committed to: each one's committed week for each day it ran, a seventh a day.</param>
public sealed record WorkedLine(string Name, decimal Hours, decimal Pay, decimal Charge, decimal Margin, decimal Committed)
{
    /// <summary>Charged less committed: below nothing where fewer hours were worked (or approved) than booked.</summary>
    public decimal Difference => Charge - Committed;

    /// <summary>The charge as a share of what was committed; nothing where nothing was.</summary>
    public decimal? ShareOfCommitted => Committed == 0 ? null : Charge / Committed;
}

/// <summary>A placement flagged as due AWR pay parity and not yet paid it, with the flag's own words.</summary>
public sealed record ParityDueRow(int PlacementId, string Worker, string JobRole, string ServiceArea, DateOnly RaisedOn, string Message);

/// <summary>Hours and cost worked over whole weeks, against committed; and AWR pay parity due and owed.</summary>
/// <param name="FirstWeek">The Monday of the first week reported.</param>
/// <param name="LastWeek">The Monday of the last: the last whole week before today.</param>
/// <param name="WaitingWeeks">Timesheets of the weeks sent and not yet approved (not in the figures).</param>
/// <param name="Owed">Approved weeks paid below a rate since applied back to them (AWR parity), and what they are owed in all.</param>
public sealed record HoursWorkedFigures(
    DateOnly FirstWeek,
    DateOnly LastWeek,
    WorkedLine Total,
    IReadOnlyList<WorkedLine> ByOrganisation,
    IReadOnlyList<WorkedLine> ByService,
    IReadOnlyList<WorkedLine> ByJobFamily,
    IReadOnlyList<WorkedLine> BySupplier,
    int WaitingWeeks,
    decimal WaitingCharge,
    int ParityDueCount,
    IReadOnlyList<ParityDueRow> ParityDue,
    int OwedWeeks,
    decimal Owed)
{
    public DateOnly LastDay => LastWeek.AddDays(6);
}

/// <summary>
/// What was worked and what it cost, from the approved timesheets' lines (immutable once approved, corrections as
/// lines of their own, so a sum by period is the agreed figure), against committed spend for the same weeks, by
/// hiring organisation, service, job family and supplier; with the placements due AWR pay parity and the weeks owed
/// it. Lines are summed in the database by organisation, service, role and supplier, and committed spend by the same
/// and by the days each placement ran in the period: one row a group, never a row a timesheet.
/// </summary>
public sealed class HoursWorkedReport(
    IReadRepository<Timesheet> timesheets,
    IReadRepository<Placement> placements,
    IReadRepository<PlacementFlag> flags,
    IReadRepository<Domain.Workers.Worker> workers,
    Underpayments underpayments,
    ReferenceNames names,
    ReportScope scope,
    TimeProvider clock)
{
    /// <summary>The periods offered, in weeks; the first is the default.</summary>
    public static readonly int[] WeekChoices = [4, 13, 26, 52];

    /// <summary>How many placements due parity the page lists, longest flagged first; the CSV has them all.</summary>
    public const int ParityDueShown = 50;

    /// <summary>The services a reader's figures cover: their scope, narrowed to an organisation's services and to one service where chosen.</summary>
    private Task<IReadOnlyCollection<int>?> ServiceAreasAsync(int? organisationId, int? serviceAreaId, CancellationToken cancellationToken) =>
        names.OfOrganisationAsync(scope.ServiceAreas(serviceAreaId), organisationId, cancellationToken);

    public async Task<HoursWorkedFigures> GetAsync(int weeks, int? organisationId, int? serviceAreaId, CancellationToken cancellationToken)
    {
        var (first, last) = Weeks(weeks);
        var areaIds = await ServiceAreasAsync(organisationId, serviceAreaId, cancellationToken);
        // Hours stay charged to the organisation they were charged to when a service moves: worked figures are found
        // by that, within the reader's services, not by the organisation's services now.
        var readable = scope.ServiceAreas(serviceAreaId);
        var worked = await timesheets.GroupAsync(
            new ApprovedLinesSpec(first, last, readable, organisationId),
            l => new { l.HiringOrganisationId, l.ServiceAreaId, l.JobRoleId, l.SupplyAgencyId },
            g => new WorkedGroup(g.Key.HiringOrganisationId, g.Key.ServiceAreaId, g.Key.JobRoleId, g.Key.SupplyAgencyId,
                g.Sum(l => l.Hours), g.Sum(l => l.Pay), g.Sum(l => l.Charge), g.Sum(l => l.Margin)),
            cancellationToken);
        var committed = await placements.GroupAsync(
            new CommittedDaysSpec(first, last.AddDays(6), areaIds),
            p => new { p.ServiceAreaId, p.JobRoleId, p.SupplyAgencyId, p.Days },
            g => new CommittedGroup(g.Key.ServiceAreaId, g.Key.JobRoleId, g.Key.SupplyAgencyId, g.Key.Days, g.Sum(p => p.WeeklyCharge)),
            cancellationToken);
        var waiting = await timesheets.GroupAsync(
            new SentTimesheetsSpec(first, last, readable, organisationId),
            t => t.Status,
            g => new WaitingGroup(g.Count(), g.Sum(t => t.Charge)),
            cancellationToken);

        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id);
        var organisations = (await names.HiringOrganisationsAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id);
        var suppliers = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        // Committed spend is the service's organisation's now (read from its services); worked spend stays with the
        // organisation the week was charged to.
        var parts = worked.Select(w => new Part(w.OrganisationId, w.ServiceAreaId, w.JobRoleId, w.SupplyAgencyId, w.Hours, w.Pay, w.Charge, w.Margin, 0m))
            .Concat(committed.Select(c => new Part(areas.TryGetValue(c.ServiceAreaId, out var a) ? a.HiringOrganisationId : 0, c.ServiceAreaId, c.JobRoleId, c.SupplyAgencyId,
                0m, 0m, 0m, 0m, c.WeeklyCharge * c.Days / 7m)))
            .ToList();

        string Unknown(int id) => $"(no longer on record: {id})";
        var (parityCount, parityRows) = await ParityDueAsync(areaIds, every: false, cancellationToken);
        // Owed weeks, like the hours worked, stay with the organisation they were charged to.
        var owed = await underpayments.ListAsync(serviceAreaId, organisationId, cancellationToken);
        return new HoursWorkedFigures(
            first, last,
            Line("Total", parts),
            Lines(parts, p => p.OrganisationId, id => organisations.GetValueOrDefault(id) ?? Unknown(id)),
            Lines(parts, p => p.ServiceAreaId, id => areas.TryGetValue(id, out var a) ? a.Name : Unknown(id)),
            Lines(parts, p => roles.TryGetValue(p.JobRoleId, out var r) ? r.JobFamily.ToString() : "?", family => family),
            Lines(parts, p => p.SupplyAgencyId, id => suppliers.GetValueOrDefault(id) ?? Unknown(id)),
            waiting.Sum(w => w.Count), Pounds(waiting.Sum(w => w.Charge)),
            parityCount, parityRows,
            owed.Count, owed.Sum(u => u.Owed));
    }

    /// <summary>Every placement due parity in the reader's services (and the organisation's), for the CSV.</summary>
    public async Task<IReadOnlyList<ParityDueRow>> EveryParityDueAsync(int? organisationId, int? serviceAreaId, CancellationToken cancellationToken) =>
        (await ParityDueAsync(await ServiceAreasAsync(organisationId, serviceAreaId, cancellationToken), every: true, cancellationToken)).Rows;

    /// <summary>The weeks reported: whole weeks, Monday to Sunday, ending with the last before today's.</summary>
    public (DateOnly First, DateOnly Last) Weeks(int weeks)
    {
        var last = TimesheetWeek.MondayOf(clock.Today()).AddDays(-7);
        return (last.AddDays(-7 * (weeks - 1)), last);
    }

    private async Task<(int Count, IReadOnlyList<ParityDueRow> Rows)> ParityDueAsync(IReadOnlyCollection<int>? areaIds, bool every, CancellationToken cancellationToken)
    {
        var open = await flags.ListAsync(new OpenParityFlagsSpec(), cancellationToken);
        if (open.Count == 0) return (0, []);
        var inScope = await placements.ListAsync(new PlacementsInServicesSpec([.. open.Select(f => f.PlacementId)], areaIds), cancellationToken);
        var byId = inScope.ToDictionary(p => p.Id);
        var listed = open.Where(f => byId.ContainsKey(f.PlacementId)).OrderBy(f => f.RaisedOn).ThenBy(f => f.PlacementId).ToList();
        var shown = every ? listed : listed.Take(ParityDueShown).ToList();
        var workerNames = (await workers.ListAsync(new Workers.WorkerNamesSpec([.. shown.Select(f => byId[f.PlacementId].WorkerId).Distinct()]), cancellationToken))
            .ToDictionary(w => w.Id, w => w.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return (listed.Count, [.. shown.Select(f =>
        {
            var p = byId[f.PlacementId];
            return new ParityDueRow(p.Id, workerNames.GetValueOrDefault(p.WorkerId, "?"), roles.GetValueOrDefault(p.JobRoleId, "?"), areas.GetValueOrDefault(p.ServiceAreaId, "?"), f.RaisedOn, f.Message);
        })]);
    }

    private static WorkedLine Line(string name, IEnumerable<Part> parts)
    {
        var of = parts.ToList();
        return new WorkedLine(name, of.Sum(p => p.Hours), of.Sum(p => p.Pay), of.Sum(p => p.Charge), of.Sum(p => p.Margin), Pounds(of.Sum(p => p.Committed)));
    }

    private static List<WorkedLine> Lines<TKey>(IEnumerable<Part> parts, Func<Part, TKey> key, Func<TKey, string> name) where TKey : notnull =>
        [.. parts.GroupBy(key).Select(g => Line(name(g.Key), g)).OrderByDescending(l => l.Charge).ThenByDescending(l => l.Committed).ThenBy(l => l.Name, StringComparer.Ordinal)];

    private sealed record Part(int OrganisationId, int ServiceAreaId, int JobRoleId, int SupplyAgencyId, decimal Hours, decimal Pay, decimal Charge, decimal Margin, decimal Committed);
}

/// <summary>A group of approved lines: an organisation's service's role through one supplier.</summary>
public sealed record WorkedGroup(int OrganisationId, int ServiceAreaId, int JobRoleId, int SupplyAgencyId, decimal Hours, decimal Pay, decimal Charge, decimal Margin);

/// <summary>Placements of a service's role through one supplier that ran the same number of days in the period, and their committed weeks summed.</summary>
public sealed record CommittedGroup(int ServiceAreaId, int JobRoleId, int SupplyAgencyId, int Days, decimal WeeklyCharge);

public sealed record WaitingGroup(int Count, decimal Charge);
