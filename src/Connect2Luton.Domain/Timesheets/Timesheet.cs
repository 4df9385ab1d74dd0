using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Domain.Timesheets;

/// <summary>
/// A placement's hours for one week, Monday to Sunday: entered by the worker, their agency or a recruiter, sent to
/// the hiring manager, queried back to whoever entered it or approved. Approved, it is locked with its priced lines,
/// which invoices, payroll and statements read. A correction is a new timesheet for the same week that adjusts it:
/// at its approval it reverses the adjusted lines and adds its own, so the week's lines always sum to what is now
/// agreed, and both stay on record. The placement's worker, supplier, service and role are kept with it so hours
/// and spend are summed by any of them without going through placements.
/// </summary>
public sealed class Timesheet : AggregateRoot
{
    private readonly List<TimesheetEntry> _entries = [];
    private readonly List<TimesheetLine> _lines = [];
    private readonly List<TimesheetEvent> _history = [];

    private Timesheet() { EnteredBy = string.Empty; }

    private Timesheet(Placement placement, DateOnly weekStart, int sequence, int? adjusts, TimesheetEnteredAs enteredAs, string by, int hiringOrganisationId)
    {
        HiringOrganisationId = Guard.Reference(hiringOrganisationId, "The hiring organisation");
        PlacementId = Guard.Reference(placement.Id, "The placement");
        WorkerId = placement.WorkerId;
        SupplyAgencyId = placement.SupplyAgencyId;
        ServiceAreaId = placement.ServiceAreaId;
        JobRoleId = placement.JobRoleId;
        if (!TimesheetWeek.IsMonday(weekStart)) throw new DomainRuleException("A timesheet's week starts on a Monday.");
        WeekStart = weekStart;
        Sequence = sequence;
        AdjustsTimesheetId = adjusts;
        EnteredAs = enteredAs;
        EnteredBy = Guard.Required(by, Limits.Actor);
        Status = TimesheetStatus.Draft;
    }

    /// <summary>
    /// A new timesheet for a week with none; the application makes sure the week has none. It is charged to
    /// <paramref name="hiringOrganisationId"/>, the organisation whose service the placement is in as the week is
    /// started (the council where none is said), and stays charged to it if the service moves later.
    /// </summary>
    public static Timesheet Start(Placement placement, DateOnly weekStart, TimesheetEnteredAs enteredAs, string by, int hiringOrganisationId = HiringOrganisations.HiringOrganisation.CouncilId)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return new Timesheet(placement, weekStart, 0, null, enteredAs, by, hiringOrganisationId);
    }

    /// <summary>A correction to an approved week, starting from its hours.</summary>
    public static Timesheet Adjusting(Placement placement, Timesheet approved, TimesheetEnteredAs enteredAs, string by)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(approved);
        if (approved.Status != TimesheetStatus.Approved) throw new DomainRuleException("Only an approved timesheet is adjusted.");
        if (approved.PlacementId != placement.Id) throw new DomainRuleException("An adjustment is for the same placement.");
        var adjustment = new Timesheet(placement, approved.WeekStart, approved.Sequence + 1, Guard.Reference(approved.Id, "The adjusted timesheet"), enteredAs, by, approved.HiringOrganisationId);
        adjustment._entries.AddRange(approved._entries.Select(e => new TimesheetEntry(e.AsHours())));
        adjustment.Hours = approved.Hours;
        return adjustment;
    }

    public int PlacementId { get; private set; }
    public int WorkerId { get; private set; }
    public int SupplyAgencyId { get; private set; }
    public int ServiceAreaId { get; private set; }
    public int JobRoleId { get; private set; }

    /// <summary>Who is charged for the week: kept with it, so spend stays with the organisation it was worked for.</summary>
    public int HiringOrganisationId { get; private set; }

    public DateOnly WeekStart { get; private set; }
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    /// <summary>0 for a week's first timesheet, then 1, 2… for each adjustment: a week has one of each, enforced by the database.</summary>
    public int Sequence { get; private set; }

    public int? AdjustsTimesheetId { get; private set; }
    public bool IsAdjustment => AdjustsTimesheetId is not null;

    public TimesheetStatus Status { get; private set; }
    public TimesheetEnteredAs EnteredAs { get; private set; }
    public string EnteredBy { get; private set; }

    /// <summary>Hours entered (for an adjustment, the week's corrected hours).</summary>
    public decimal Hours { get; private set; }

    /// <summary>The lines' charge: as priced at submission, then as approved. For an adjustment, the change it makes.</summary>
    public decimal Charge { get; private set; }

    /// <summary>The lines' pay, as <see cref="Charge"/>.</summary>
    public decimal Pay { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? QueryReason { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public IReadOnlyCollection<TimesheetEntry> Entries => _entries.AsReadOnly();
    public IReadOnlyCollection<TimesheetLine> Lines => _lines.AsReadOnly();
    public IReadOnlyCollection<TimesheetEvent> History => _history.AsReadOnly();

    public bool CanBeChanged => Status is TimesheetStatus.Draft or TimesheetStatus.Queried;

    /// <summary>
    /// Sent, or approved, with no hours: whoever sent it said no hours were worked this week (a nil return), as a week
    /// with none is sent only when they say so. It counts as sent, and is paid and charged nothing.
    /// </summary>
    public bool IsNilReturn => IsNilReturnOf(Hours, Status);

    /// <summary>Whether a timesheet with these hours and status is a nil return, for lists that read the two alone.</summary>
    public static bool IsNilReturnOf(decimal hours, TimesheetStatus status) => hours == 0 && status is TimesheetStatus.Submitted or TimesheetStatus.Approved;

    /// <summary>What the history says of a week sent with no hours, beside its sending.</summary>
    public const string NoHoursWorked = "no hours were worked this week";

    public IReadOnlyList<TimesheetHours> HoursEntered() => _entries.Select(e => e.AsHours()).ToList();

    /// <summary>Replaces the week's hours. Refused on a submitted or approved week, and for hours that fail a check.</summary>
    public void Record(IReadOnlyCollection<TimesheetHours> hours, TimesheetLimits limits, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (!CanBeChanged) throw new DomainRuleException("Only a timesheet not yet sent, or sent back, can be changed.");
        var problems = TimesheetChecks.Problems(WeekStart, hours, limits);
        if (problems.Count > 0) throw new DomainRuleException(problems[0].Message);
        if (hours.GroupBy(h => (h.Day, h.Type)).Any(g => g.Count() > 1)) throw new DomainRuleException("A day has one entry of each kind of hours.");
        _entries.Clear();
        _entries.AddRange(hours.Where(h => h.Hours > 0).OrderBy(h => h.Day).ThenBy(h => h.Type).Select(h => new TimesheetEntry(h)));
        Hours = _entries.Sum(e => e.Hours);
        _history.Add(new TimesheetEvent(TimesheetStep.Saved, by, at, null));
    }

    /// <summary>
    /// Sends the week to the hiring manager, priced as the rates stand now (an adjustment, against <paramref name="adjusted"/>).
    /// A week with no hours is sent only as a nil return: <paramref name="noHoursWorked"/>, whoever sends it saying so.
    /// </summary>
    public void Submit(IReadOnlyList<TimesheetLine> priced, Timesheet? adjusted, string by, DateTimeOffset at, bool noHoursWorked = false)
    {
        if (!CanBeChanged) throw new DomainRuleException("This timesheet has already been sent.");
        if (_entries.Count == 0 && !noHoursWorked) throw new DomainRuleException("A week with no hours is sent only when whoever sends it says no hours were worked.");
        if (_entries.Count > 0 && noHoursWorked) throw new DomainRuleException("A week with hours in it is not sent as one in which no hours were worked.");
        CheckAdjusted(adjusted);
        SetLines(priced, adjusted);
        Status = TimesheetStatus.Submitted;
        SubmittedAt = at;
        QueryReason = null;
        _history.Add(new TimesheetEvent(TimesheetStep.Submitted, by, at, noHoursWorked ? NoHoursWorked : null));
    }

    /// <summary>Sends the week back to whoever entered it, with the manager's reason.</summary>
    public void Query(string reason, string by, DateTimeOffset at)
    {
        if (Status != TimesheetStatus.Submitted) throw new DomainRuleException("Only a submitted timesheet can be queried.");
        QueryReason = Guard.Required(reason, Limits.Reason, "The reason for the query");
        Status = TimesheetStatus.Queried;
        _history.Add(new TimesheetEvent(TimesheetStep.Queried, by, at, QueryReason));
    }

    /// <summary>
    /// Approves and locks the week at <paramref name="priced"/>, the rates in force as it is approved. An adjustment
    /// also reverses the lines of <paramref name="adjusted"/>, the approved timesheet it corrects.
    /// </summary>
    public void Approve(IReadOnlyList<TimesheetLine> priced, Timesheet? adjusted, string by, DateTimeOffset at)
    {
        if (Status != TimesheetStatus.Submitted) throw new DomainRuleException("Only a submitted timesheet can be approved.");
        CheckAdjusted(adjusted);
        SetLines(priced, adjusted);
        Status = TimesheetStatus.Approved;
        ApprovedBy = Guard.Required(by, Limits.Actor);
        ApprovedAt = at;
        _history.Add(new TimesheetEvent(TimesheetStep.Approved, by, at, null));
    }

    private void CheckAdjusted(Timesheet? adjusted)
    {
        if (IsAdjustment != adjusted is not null || (adjusted is not null && (adjusted.Id != AdjustsTimesheetId || adjusted.Status != TimesheetStatus.Approved)))
            throw new DomainRuleException("An adjustment is priced against the approved timesheet it corrects, and only an adjustment is.");
    }

    private void SetLines(IReadOnlyList<TimesheetLine> priced, Timesheet? adjusted)
    {
        ArgumentNullException.ThrowIfNull(priced);
        var entered = _entries.Select(e => (e.Day, e.Type, e.Hours)).Order().ToList();
        var pricedHours = priced.Select(l => (l.Day, l.Type, l.Hours)).Order().ToList();
        if (priced.Any(l => l.IsReversal) || !entered.SequenceEqual(pricedHours)) throw new DomainRuleException("The priced lines are the hours entered.");
        List<TimesheetLine> lines = [.. adjusted?._lines.Where(l => !l.IsReversal).Select(l => l.Reversal()) ?? [], .. priced];
        // Approved at the prices it was sent at (the usual case): the lines already kept are those, and stay.
        if (!lines.Select(TimesheetLine.Priced).Order().SequenceEqual(_lines.Select(TimesheetLine.Priced).Order()))
        {
            _lines.Clear();
            _lines.AddRange(lines);
        }
        Charge = _lines.Sum(l => l.Charge);
        Pay = _lines.Sum(l => l.Pay);
    }
}
