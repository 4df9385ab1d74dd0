using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Timesheets;

/// <summary>The placement a week's timesheet is for, as its page heads it.</summary>
public sealed record TimesheetPlacement(int Id, int Version, int WorkerId, string Worker, string JobRole, string ServiceArea, string Supplier, DateOnly Start, DateOnly End, decimal PayRate, bool OptedOutOfWeeklyLimit);

/// <summary>A day of the week: whether hours can be entered for it (inside the placement, and not after today).</summary>
public sealed record TimesheetDay(DateOnly Day, bool Open);

/// <summary>
/// A placement's week: its days, the kinds of hours the role may claim, the timesheet being worked on (the latest:
/// the first, or the open adjustment) and the ones before it, and what the user may do with it.
/// </summary>
public sealed record TimesheetWeekView(
    TimesheetPlacement Placement,
    DateOnly WeekStart,
    IReadOnlyList<TimesheetDay> Days,
    IReadOnlyList<TimesheetLineType> Types,
    Timesheet? Current,
    IReadOnlyList<Timesheet> Earlier,
    bool MayEnter,
    bool MayApprove,
    DateOnly Today,
    ParityDue? Parity = null,
    bool MayApplyParity = false,
    IReadOnlyList<TimesheetLine>? PricedNow = null,
    IReadOnlyList<TimesheetStepShown>? Steps = null,
    IReadOnlyDictionary<string, string>? People = null)
{
    /// <summary>What happened to the week's timesheet, oldest first, with who did it where the user may be told.</summary>
    public IReadOnlyList<TimesheetStepShown> History => Steps ?? [];

    /// <summary>Someone recorded by their user name, by the name they are known by (their email only where no name is known).</summary>
    public string NameOf(string userName) => People?.GetValueOrDefault(userName) ?? userName;

    /// <summary>
    /// The lines to show: for a week waiting for approval, priced as approving it now would price it (the rates and
    /// charge terms may have changed since it was sent); otherwise as saved.
    /// </summary>
    public IReadOnlyList<TimesheetLine> Lines => PricedNow ?? (Current?.Lines.ToList() ?? []);

    /// <summary>Pay parity is due on some day of this week and the worker is paid less: the week waits for the rate to change.</summary>
    public bool AwaitsParity => Parity is { } due && due.From <= WeekStart.AddDays(6);

    /// <summary>Whether the placement runs on some day of the week: a week before it starts or after it ends has no hours to enter.</summary>
    public bool PlacementRunsThisWeek => TimesheetCommands.RefusalOutside(Placement.Start, Placement.End, WeekStart) is null;

    /// <summary>Whether the week has begun: hours are entered from its Monday, never ahead of it.</summary>
    public bool HasStarted => WeekStart <= Today;

    public bool CanEnter => MayEnter && PlacementRunsThisWeek && HasStarted && (Current is null || Current.CanBeChanged);
    public bool CanApprove => MayApprove && Current?.Status == TimesheetStatus.Submitted;
    public bool CanAdjust => MayEnter && PlacementRunsThisWeek && Current?.Status == TimesheetStatus.Approved;
}

/// <summary>A step of a week's history as the user is told it: <paramref name="By"/> is who did it in words they may see (null: not said).</summary>
public sealed record TimesheetStepShown(TimesheetStep Step, DateTimeOffset At, string? By, string? Reason);

/// <summary>A week of a placement and its latest timesheet, if it has one.</summary>
public sealed record TimesheetWeekSummary(DateOnly WeekStart, TimesheetRowData? Latest);

public sealed class TimesheetQueries(
    IReadRepository<Timesheet> timesheets,
    IReadRepository<Placement> placements,
    IReadRepository<Worker> workers,
    TimesheetPricer pricer,
    AwrParity parity,
    ReferenceNames names,
    Email.IEmailRecipients accounts,
    IUserDirectory directory,
    DataScope scope,
    ICurrentUser user,
    TimeProvider clock)
{
    public const int PageSize = 25;

    private const int ExportBatch = 500;

    /// <summary>A placement's week; null where there is no such placement, the user may not see it, or the week does not start on a Monday.</summary>
    public async Task<TimesheetWeekView?> WeekAsync(int placementId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        if (!TimesheetWeek.IsMonday(weekStart) || !TimesheetWeek.IsReal(weekStart)) return null;
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithRatesSpec(placementId), cancellationToken);
        if (placement is null) return null;
        var mayEnter = scope.EntersTimesheetsFor(placement.WorkerId, placement.SupplyAgencyId);
        var mayApprove = scope.ApprovesTimesheetsOf(placement.ServiceAreaId);
        if (!mayEnter && !mayApprove && !SeesTimesheetsOf(placement)) return null;

        var week = await timesheets.ListAsync(new TimesheetsOfWeekSpec(placementId, weekStart, forUpdate: false), cancellationToken);
        var priced = await pricer.ForWeekAsync(placement, weekStart, cancellationToken, week.LastOrDefault()?.HiringOrganisationId);
        var today = clock.Today();
        var days = TimesheetWeek.DaysFrom(weekStart).Select(d => new TimesheetDay(d, d >= placement.StartDate && d <= placement.EndDate && d <= today)).ToList();
        var types = Enum.GetValues<TimesheetLineType>().Where(t => priced?.AllowedTypes.Contains(t) ?? t == TimesheetLineType.Standard).ToList();
        // Parity is looked for only where the week reaches the day it is due: most weeks are not near it.
        var due = await parity.DueFromAsync(placement, cancellationToken) is { } from && from <= weekStart.AddDays(6)
            ? await parity.DueAsync(placement, from, cancellationToken) : null;
        var current = week.LastOrDefault();
        List<Timesheet> earlier = week.Count > 1 ? week[..^1] : [];
        IReadOnlyList<TimesheetLine>? pricedNow = current is { Status: TimesheetStatus.Submitted } && priced is not null
            ? [.. current.Lines.Where(l => l.IsReversal), .. priced.Rates.Price(current.HoursEntered())]
            : null;
        // Who did what is shown by name; a worker is told what happened and not who, so no name is looked up for them.
        var people = scope.OnlyWorker is not null ? null
            : await directory.NamesAsync([.. current?.History.Select(e => e.By) ?? [], .. earlier.Select(t => t.ApprovedBy).OfType<string>()], cancellationToken);
        return new TimesheetWeekView(await HeadingAsync(placement, weekStart, cancellationToken), weekStart, days, types,
            current, earlier, mayEnter && placement.Status is not (PlacementStatus.AwaitingSignOff or PlacementStatus.Cancelled), mayApprove, today,
            due, due is not null && user.May(Permissions.ManagePlacements) && placement.Status is PlacementStatus.Active or PlacementStatus.Ended, pricedNow,
            current is null ? [] : await HistoryAsync(current, placement, people, cancellationToken), people);
    }

    /// <summary>
    /// A week's history with who did each step, as the user may be told it: the council's staff see each person by
    /// name; a worker sees what happened and not who; agency staff see their own agency's people by name and, for
    /// anyone else, what they are (the worker, the hiring manager, the council), never a council name or address.
    /// </summary>
    private async Task<IReadOnlyList<TimesheetStepShown>> HistoryAsync(Timesheet timesheet, Placement placement, IReadOnlyDictionary<string, string>? people, CancellationToken cancellationToken)
    {
        var steps = timesheet.History.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        string Named(string userName) => people?.GetValueOrDefault(userName) ?? userName;
        Func<TimesheetEvent, string?> by = e => Named(e.By);
        if (scope.OnlyWorker is not null) by = _ => null;
        else if (scope.OnlySupplyAgency is { } agency)
        {
            var staff = (await accounts.OfAgenciesAsync([agency], cancellationToken)).GetValueOrDefault(agency) ?? [];
            // Whoever started a week entered as the agency's was its staff, even if their account has gone since.
            var ours = staff.Select(s => s.UserName).Append(user.Name)
                .Concat(timesheet.EnteredAs == TimesheetEnteredAs.Agency ? [timesheet.EnteredBy] : []).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var workerEmail = (await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken))?.Email;
            // Only hiring managers query and approve; a save or send by none of the agency's staff nor the worker was the council's.
            by = e => e.Step is TimesheetStep.Queried or TimesheetStep.Approved ? "the hiring manager"
                : ours.Contains(e.By) ? Named(e.By)
                : string.Equals(e.By, workerEmail, StringComparison.OrdinalIgnoreCase) ? "the worker"
                : "the council";
        }
        return [.. steps.Select(e => new TimesheetStepShown(e.Step, e.At, by(e), e.Reason))];
    }

    public async Task<TimesheetPage> ListAsync(TimesheetFilter filter, TimesheetCursor? older, TimesheetCursor? newer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = TimesheetScope.Of(scope);
        var rows = await timesheets.ListAsync(new TimesheetListSpec(filter, limit, older, newer, PageSize + 1), cancellationToken);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (newer is not null) rows.Reverse();
        var named = await NameAsync(rows, cancellationToken);
        if (named.Count == 0) return new TimesheetPage(named, null, null);
        var first = new TimesheetCursor(rows[0].WeekStart, rows[0].Id);
        var last = new TimesheetCursor(rows[^1].WeekStart, rows[^1].Id);
        // Coming forward, there are older rows (the page came from them); going back, newer ones unless this is the first page.
        return newer is not null
            ? new TimesheetPage(named, last, more ? first : null)
            : new TimesheetPage(named, more ? last : null, older is not null ? first : null);
    }

    /// <summary>
    /// Every timesheet the filter matches, in the list's order, for the CSV: read a batch at a time from where the
    /// last batch ended (as the list's pages are), each batch named before the next is read, so no query waits on
    /// another's open reader.
    /// </summary>
    public async IAsyncEnumerable<TimesheetRow> ExportAsync(TimesheetFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = TimesheetScope.Of(scope);
        TimesheetCursor? older = null;
        while (true)
        {
            var rows = await timesheets.ListAsync(new TimesheetListSpec(filter, limit, older, null, ExportBatch), cancellationToken);
            foreach (var row in await NameAsync(rows, cancellationToken)) yield return row;
            if (rows.Count < ExportBatch) yield break;
            older = new TimesheetCursor(rows[^1].WeekStart, rows[^1].Id);
        }
    }

    /// <summary>
    /// The latest weeks of a placement up to today (at most <paramref name="weeks"/>), each with its latest timesheet's
    /// status and hours, or none: where a recruiter or manager picks a week to open.
    /// </summary>
    public async Task<IReadOnlyList<TimesheetWeekSummary>> WeeksOfAsync(int placementId, DateOnly start, DateOnly end, int weeks, CancellationToken cancellationToken)
    {
        var last = TimesheetWeek.MondayOf(end < clock.Today() ? end : clock.Today());
        var first = TimesheetWeek.MondayOf(start);
        if (last < first) return [];
        var limit = TimesheetScope.Of(scope);
        var rows = await timesheets.ListAsync(new TimesheetListSpec(new TimesheetFilter(PlacementId: placementId), limit, null, null, weeks * 3), cancellationToken);
        var latest = rows.GroupBy(r => r.WeekStart).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Sequence)!);
        var summaries = new List<TimesheetWeekSummary>();
        for (var week = last; week >= first && summaries.Count < weeks; week = week.AddDays(-7))
            summaries.Add(new TimesheetWeekSummary(week, latest.GetValueOrDefault(week)));
        return summaries;
    }

    private bool SeesTimesheetsOf(Placement placement) =>
        scope.OnlyWorker is { } worker ? worker == placement.WorkerId
        : scope.OnlySupplyAgency is { } agency ? agency == placement.SupplyAgencyId
        : scope.Sees(placement.ServiceAreaId);

    private async Task<TimesheetPlacement> HeadingAsync(Placement placement, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken);
        var role = (await names.JobRolesAsync(cancellationToken)).FirstOrDefault(r => r.Id == placement.JobRoleId)?.Title ?? "(role no longer on record)";
        var area = (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.ServiceAreaId)?.Name ?? "(service no longer on record)";
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.SupplyAgencyId)?.Name ?? "(supplier no longer on record)";
        var pay = placement.PayRateOn(weekStart.AddDays(6));
        return new TimesheetPlacement(placement.Id, placement.Version, placement.WorkerId, worker?.FullName ?? "(worker no longer on record)", role, area, supplier,
            placement.StartDate, placement.EndDate, pay, worker?.OptedOutOfWeeklyLimitOn(weekStart.AddDays(6)) == true);
    }

    private async Task<List<TimesheetRow>> NameAsync(List<TimesheetRowData> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var workerNames = (await workers.ListAsync(new WorkerNamesSpec(rows.Select(r => r.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        var roles = (await names.JobRolesAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var suppliers = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return rows.Select(r => new TimesheetRow(r, workerNames.GetValueOrDefault(r.WorkerId, "(no longer on record)"), areas.GetValueOrDefault(r.ServiceAreaId, "(no longer on record)"),
            roles.GetValueOrDefault(r.JobRoleId, "(no longer on record)"), suppliers.GetValueOrDefault(r.SupplyAgencyId, "(no longer on record)"))).ToList();
    }
}
