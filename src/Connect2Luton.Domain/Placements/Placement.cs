using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Domain.Placements;

/// <summary>
/// A worker placed against a requisition: rates, hours and dates, how it was extended, whether a rate above
/// its cap was signed off, and how it ended. The rule decisions that allowed each change are kept with it.
/// </summary>
public sealed class Placement : AggregateRoot
{
    private readonly List<PlacementExtension> _extensions = [];
    private readonly List<CapException> _capExceptions = [];
    private readonly List<PlacementRateChange> _rateChanges = [];
    private readonly List<RuleDecision> _decisions = [];

    private Placement() { Rates = null!; CommittedWeek = null!; BookedBy = string.Empty; }

    private Placement(Requisition requisition, Worker worker, PlacementBooking booking, string by, DateTimeOffset at)
    {
        RequisitionId = Guard.Reference(requisition.Id, "The requisition");
        ServiceAreaId = requisition.ServiceAreaId;
        JobRoleId = requisition.JobRoleId;
        WorkerId = Guard.Reference(worker.Id, "The worker");
        SupplyAgencyId = worker.SupplyAgencyId;
        Rates = booking.Rates ?? throw new ArgumentNullException(nameof(booking));
        WeeklyHours = CheckedHours(booking.WeeklyHours);
        CommittedWeek = CommittedWeek.Of(Rates, WeeklyHours);
        Guard.EndNotBeforeStart(booking.StartDate, booking.PlannedEndDate, "A placement");
        StartDate = booking.StartDate;
        PlannedEndDate = booking.PlannedEndDate;
        Status = PlacementStatus.Active;
        BookedBy = Guard.Required(by, Limits.Actor);
        BookedAt = at;
    }

    /// <summary>
    /// Books a worker against an open requisition, taking one of its positions. A rate above its cap is only
    /// booked with a sign-off, which goes on the cap exception register.
    /// </summary>
    public static Placement Book(
        Requisition requisition,
        Worker worker,
        PlacementBooking booking,
        CapExceptionApproval? capException,
        IEnumerable<RuleDecision> decisions,
        string by,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(decisions);
        if (!worker.IsActive) throw new DomainRuleException($"{worker.FullName} is not in the active pool and cannot be placed.");

        var placement = new Placement(requisition, worker, booking, by, at);
        requisition.TakePlacement(worker.Id, by, at);
        var recorded = decisions.ToList();
        recorded.ForEach(placement._decisions.Add);
        if (capException is not null)
            placement._capExceptions.Add(new CapException(booking.Rates.PayRate, booking.Rates.ChargeRate, capException, recorded.FirstOrDefault(d => d.RuleSet == RuleSetNames.PayRateCaps), by, at));
        return placement;
    }

    public int RequisitionId { get; private set; }
    public int WorkerId { get; private set; }
    public int SupplyAgencyId { get; private set; }

    /// <summary>Copied from the requisition, which cannot change service or role once open: lists and reports filter on them.</summary>
    public int ServiceAreaId { get; private set; }
    public int JobRoleId { get; private set; }

    public PlacementRates Rates { get; private set; }
    public decimal WeeklyHours { get; private set; }

    /// <summary>The rates times the contracted hours: what reports sum as committed spend.</summary>
    public CommittedWeek CommittedWeek { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly PlannedEndDate { get; private set; }
    public DateOnly? ActualEndDate { get; private set; }
    public PlacementStatus Status { get; private set; }
    public string? EndReason { get; private set; }
    public string BookedBy { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public string? EndedBy { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public IReadOnlyCollection<PlacementExtension> Extensions => _extensions.AsReadOnly();
    public IReadOnlyCollection<CapException> CapExceptions => _capExceptions.AsReadOnly();
    public IReadOnlyCollection<PlacementRateChange> RateChanges => _rateChanges.AsReadOnly();
    public IReadOnlyCollection<RuleDecision> Decisions => _decisions.AsReadOnly();

    /// <summary>
    /// Whether the placement as booked now has approval to run past the longest length: an extension to its current
    /// planned end was signed off as going beyond the limit. (The nightly check asks the same in its query.)
    /// </summary>
    public bool ApprovedBeyondLengthLimit => _extensions.Any(e => e.BeyondLengthLimit && e.NewEndDate >= PlannedEndDate);

    public bool IsLiveOn(DateOnly date) => Status == PlacementStatus.Active && StartDate <= date;

    /// <summary>The last day worked, or to be worked as things stand.</summary>
    public DateOnly EndDate => ActualEndDate ?? PlannedEndDate;

    /// <summary>Calendar days from the start to <paramref name="asOf"/> (or the end, if earlier), counting both.</summary>
    public int DaysServed(DateOnly asOf)
    {
        var last = EndDate < asOf ? EndDate : asOf;
        return last < StartDate ? 0 : last.DayNumber - StartDate.DayNumber + 1;
    }

    public void Extend(DateOnly newEndDate, string reason, string approvedBy, bool beyondLengthLimit, RuleDecision? decision, string by, DateTimeOffset at)
    {
        RequireActive("extended");
        if (newEndDate <= PlannedEndDate)
            throw new DomainRuleException($"An extension must run past the current planned end, {PlannedEndDate:d MMMM yyyy}.");
        _extensions.Add(new PlacementExtension(PlannedEndDate, newEndDate, reason, approvedBy, beyondLengthLimit, decision, by, at));
        Record(decision);
        PlannedEndDate = newEndDate;
    }

    public void ChangeRates(PlacementRates rates, DateOnly effectiveFrom, string reason, CapExceptionApproval? capException, RuleDecision? decision, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rates);
        RequireActive("re-rated");
        if (effectiveFrom < StartDate || effectiveFrom > PlannedEndDate)
            throw new DomainRuleException("A rate change must take effect while the placement runs.");
        _rateChanges.Add(new PlacementRateChange(Rates, rates, effectiveFrom, reason, by, at));
        if (capException is not null) _capExceptions.Add(new CapException(rates.PayRate, rates.ChargeRate, capException, decision, by, at));
        Record(decision);
        Rates = rates;
        CommittedWeek = CommittedWeek.Of(rates, WeeklyHours);
    }

    /// <summary>Ends the placement on its last working day: early, or on its planned end.</summary>
    public void End(DateOnly lastDay, string reason, string by, DateTimeOffset at)
    {
        RequireActive("ended");
        Guard.EndNotBeforeStart(StartDate, lastDay, "A placement");
        if (lastDay > PlannedEndDate)
            throw new DomainRuleException($"A placement cannot end after its planned end, {PlannedEndDate:d MMMM yyyy}: extend it instead.");
        Close(PlacementStatus.Ended, lastDay, Guard.Required(reason, Limits.Reason, "The reason for ending"), by, at);
    }

    /// <summary>Calls off a placement that has not started.</summary>
    public void Cancel(DateOnly today, string reason, string by, DateTimeOffset at)
    {
        RequireActive("cancelled");
        if (StartDate <= today) throw new DomainRuleException("A placement that has started is ended, not cancelled.");
        Close(PlacementStatus.Cancelled, null, Guard.Required(reason, Limits.Reason, "The reason for cancelling"), by, at);
    }

    /// <summary>The worker takes a permanent post: the placement ends the day before it starts.</summary>
    public void ConvertToPermanent(DateOnly permanentStart, string by, DateTimeOffset at)
    {
        RequireActive("converted");
        if (permanentStart <= StartDate) throw new DomainRuleException("A permanent post must start after the placement started.");
        var lastDay = permanentStart.AddDays(-1);
        Close(PlacementStatus.Converted, lastDay < PlannedEndDate ? lastDay : PlannedEndDate, "Converted to a permanent post", by, at);
    }

    public void Record(RuleDecision? decision)
    {
        if (decision is not null && !_decisions.Contains(decision)) _decisions.Add(decision);
    }

    private void Close(PlacementStatus status, DateOnly? lastDay, string reason, string by, DateTimeOffset at)
    {
        Status = status;
        ActualEndDate = lastDay;
        EndReason = reason;
        EndedBy = Guard.Required(by, Limits.Actor);
        EndedAt = at;
    }

    private void RequireActive(string action)
    {
        if (Status != PlacementStatus.Active)
            throw new DomainRuleException($"A placement that is {Status.ToString().ToLowerInvariant()} cannot be {action}.");
    }

    private static decimal CheckedHours(decimal hours) =>
        hours is > 0 and <= 168 ? hours : throw new DomainRuleException("Weekly hours must be more than 0 and no more than 168.");
}
