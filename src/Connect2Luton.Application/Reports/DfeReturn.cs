using System.Globalization;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Reports;

/// <summary>A quarter of the financial year (April to March), as DfE's agency social worker returns are made.</summary>
/// <param name="Year">The year the financial year starts in: 2026 for 2026-27.</param>
public sealed record Quarter(int Year, int Number)
{
    public DateOnly Start => new DateOnly(Year, 4, 1).AddMonths(3 * (Number - 1));

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>As it is written in the address: 2026-Q3.</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    public string Label => string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{Year}-{(Year + 1) % 100:00} quarter {Number} ({Start:MMMM} to {End:MMMM yyyy})");

    public static Quarter Containing(DateOnly day) => day.Month >= 4 ? new(day.Year, (day.Month - 4) / 3 + 1) : new(day.Year - 1, 4);

    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter? Parse(string? code)
    {
        var parts = code?.Split("-Q", StringSplitOptions.None);
        return parts is [var year, var number]
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4
            ? new Quarter(y, n)
            : null;
    }
}

/// <summary>An assignment as DfE's return asks for it, with the placement it is for.</summary>
/// <param name="EndDate">When it ended, or is booked to end if it is still going.</param>
public sealed record DfeAssignment(int PlacementId, DfeRoleType RoleType, decimal HourlyPayRate, DateOnly StartDate, DateOnly EndDate, string? RegistrationNumber, bool ProjectTeam);

/// <summary>A rate above the DfE cap on one of the quarter's assignments, and who signed it off.</summary>
public sealed record DfeCapBreach(int PlacementId, DfeRoleType RoleType, decimal PayRate, decimal Measured, decimal Cap, string Approvers, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The return for a quarter: one page of its assignments (a large council has thousands a quarter), and every cap breach.</summary>
public sealed record DfeReturnFigures(Quarter Quarter, PagedResult<DfeAssignment> Assignments, IReadOnlyList<DfeCapBreach> CapBreaches);

/// <summary>
/// The quarterly data return to DfE for agency child and family social workers: every assignment to a DfE social
/// work role in children's services that ran at any time in the quarter, and the cap breaches on them signed off
/// by then. The pay rate is the one in force at the quarter's end (or at the assignment's end, if sooner). On screen
/// a page of assignments is read, with its workers' registrations and rates; the download reads them all.
/// </summary>
public sealed class DfeReturn(
    IReadRepository<Placement> placements,
    IReadRepository<PlacementRateChange> rateChanges,
    IReadRepository<CapException> capExceptions,
    IReadRepository<SignOff> signOffs,
    IReadRepository<Worker> workers,
    IReadRepository<Requisition> requisitions,
    IReadRepository<JobRole> jobRoles,
    IReadRepository<ServiceArea> serviceAreas,
    ReportScope scope,
    TimeProvider clock)
{
    /// <summary>The quarters a return can be made for: the current one and the seven before it, newest first.</summary>
    public IReadOnlyList<Quarter> Quarters()
    {
        var quarter = Quarter.Containing(clock.Today());
        var quarters = new List<Quarter>();
        for (var i = 0; i < 8; i++, quarter = quarter.Previous) quarters.Add(quarter);
        return quarters;
    }

    /// <summary>The return is normally made for the last quarter that has ended.</summary>
    public Quarter LastEnded() => Quarter.Containing(clock.Today()).Previous;

    /// <summary>The quarter's assignments a page at a time (in order of starting), and its cap breaches.</summary>
    public async Task<DfeReturnFigures> GetAsync(Quarter quarter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        ArgumentNullException.ThrowIfNull(page);
        var where = await InScopeAsync(cancellationToken);
        if (where is null) return new DfeReturnFigures(quarter, new PagedResult<DfeAssignment>([], 1, page.Size, 0), []);

        var total = await placements.CountAsync(new DfeAssignmentRowsSpec(quarter.Start, quarter.End, where.Areas, where.RoleIds), cancellationToken);
        var shown = page.Within(total);
        var rows = await placements.ListAsync(new DfeAssignmentRowsSpec(quarter.Start, quarter.End, where.Areas, where.RoleIds, shown), cancellationToken);
        var assignments = await AssignmentsAsync(quarter, where, rows, cancellationToken);
        var breaches = await CapBreachesAsync(quarter, where, cancellationToken);
        return new DfeReturnFigures(quarter, new PagedResult<DfeAssignment>(assignments, shown.Page, shown.Size, total), breaches);
    }

    /// <summary>Every assignment of the quarter, in order of starting: the return as it is sent.</summary>
    public async Task<IReadOnlyList<DfeAssignment>> EveryAssignmentAsync(Quarter quarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var where = await InScopeAsync(cancellationToken);
        if (where is null) return [];
        // Sorted here: the database would only sort the same rows, and asked for no order it reads them from the index alone.
        var rows = (await placements.ListAsync(new DfeAssignmentRowsSpec(quarter.Start, quarter.End, where.Areas, where.RoleIds), cancellationToken))
            .OrderBy(r => r.StartDate).ThenBy(r => r.Id).ToList();
        return await AssignmentsAsync(quarter, where, rows, cancellationToken);
    }

    /// <summary>Every cap breach on one of the quarter's assignments signed off by its end.</summary>
    public async Task<IReadOnlyList<DfeCapBreach>> CapBreachesAsync(Quarter quarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        return await InScopeAsync(cancellationToken) is { } where ? await CapBreachesAsync(quarter, where, cancellationToken) : [];
    }

    /// <summary>The children's services the user may see and the DfE social work roles; null where there are none.</summary>
    private async Task<DfeScope?> InScopeAsync(CancellationToken cancellationToken)
    {
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).Where(r => r.DfeRoleType is not null).ToDictionary(r => r.Id, r => r.DfeRoleType!.Value);
        var areaIds = scope.ServiceAreas(null);
        var childrens = (await serviceAreas.ListAsync(new ServiceAreasWithEstablishmentSpec(), cancellationToken))
            .Where(a => a.IsChildrensServices && (areaIds is null || areaIds.Contains(a.Id))).Select(a => a.Id).ToList();
        return childrens.Count == 0 || roles.Count == 0 ? null : new DfeScope(childrens, roles);
    }

    private async Task<List<DfeAssignment>> AssignmentsAsync(Quarter quarter, DfeScope where, List<DfeAssignmentRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var laterChanges = (await rateChanges.ListAsync(new PayRateChangesAfterSpec(quarter.End), cancellationToken))
            .ToLookup(c => c.PlacementId, c => new RateChangeOn(c.EffectiveFrom, c.PreviousPayRate));
        var registrations = (await workers.ListAsync(new WorkerRegistrationNumbersSpec(rows.Select(r => r.WorkerId).Distinct().ToList()), cancellationToken))
            .ToDictionary(w => w.WorkerId, w => w.Number);
        var projectTeams = (await requisitions.ListAsync(new ProjectTeamRequisitionsSpec(), cancellationToken)).ToHashSet();
        return rows.Select(r => new DfeAssignment(r.Id, where.Roles[r.JobRoleId], PayRateAtEnd(r), r.StartDate, r.EndDate,
            registrations.GetValueOrDefault(r.WorkerId), projectTeams.Contains(r.RequisitionId))).ToList();

        // In force at the quarter's end, or at the assignment's if sooner: only a change after the quarter undoes today's rate.
        decimal PayRateAtEnd(DfeAssignmentRow row) => laterChanges.Contains(row.Id)
            ? RateInForce.On(row.EndDate < quarter.End ? row.EndDate : quarter.End, row.PayRateNow, [.. laterChanges[row.Id]])
            : row.PayRateNow;
    }

    private async Task<List<DfeCapBreach>> CapBreachesAsync(Quarter quarter, DfeScope where, CancellationToken cancellationToken)
    {
        var signedOffBy = UtcDays.Spanning(quarter.Start, quarter.End).End;
        var recorded = await capExceptions.ListAsync(new CapExceptionsRecordedBeforeSpec(signedOffBy), cancellationToken);
        if (recorded.Count == 0) return [];
        // Cap exceptions are few: those on one of the quarter's assignments are found by their placements.
        var roleOf = (await placements.ListAsync(new DfeAssignmentRowsSpec(quarter.Start, quarter.End, where.Areas, where.RoleIds, onlyThese: recorded.Select(e => e.PlacementId).Distinct().ToList()), cancellationToken))
            .ToDictionary(r => r.Id, r => where.Roles[r.JobRoleId]);
        var found = recorded.Where(e => roleOf.ContainsKey(e.PlacementId)).ToList();
        var signatures = await CapSignatures.ReadAsync(signOffs, found.Select(e => e.Id).ToList(), cancellationToken);
        return found
            .Select(e => new DfeCapBreach(e.PlacementId, roleOf[e.PlacementId], e.PayRate, e.Measured, e.Cap, CapSignatures.InWords(signatures[e.Id], e.Approvers), e.Reason, e.RecordedBy, e.RecordedAt)).ToList();
    }

    private sealed record DfeScope(IReadOnlyList<int> Areas, IReadOnlyDictionary<int, DfeRoleType> Roles)
    {
        public IReadOnlyList<int> RoleIds { get; } = [.. Roles.Keys];
    }
}
