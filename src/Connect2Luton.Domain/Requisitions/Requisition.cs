using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Requisitions;

/// <summary>
/// A service's request for one or more temporary workers. It moves draft -> submitted -> approved -> open ->
/// filled, may be rejected back to its author or cancelled, and records who took each step.
/// </summary>
public sealed class Requisition : AggregateRoot
{
    private readonly List<RequisitionEvent> _events = [];
    private readonly List<ShortlistEntry> _shortlist = [];

    private Requisition() { Title = RaisedBy = string.Empty; }

    private Requisition(RequisitionDetails details, int hiringManagerId, string by, DateTimeOffset at)
    {
        Title = RaisedBy = string.Empty;
        HiringManagerId = Guard.Reference(hiringManagerId, "The hiring manager");
        Apply(details);
        RaisedBy = Guard.Required(by, Limits.Actor);
        RaisedAt = at;
        Status = RequisitionStatus.Draft;
        _events.Add(new RequisitionEvent(null, RequisitionStatus.Draft, by, at, "Raised"));
    }

    public static Requisition Raise(RequisitionDetails details, int hiringManagerId, string by, DateTimeOffset at) =>
        new(details, hiringManagerId, by, at);

    /// <summary>
    /// The requisition behind a placement that was already live when it was brought in from <paramref name="source"/>
    /// (a file): the service asked for the worker and approved it before Connect2Luton kept the record, so it is
    /// recorded as approved and open for that one placement, each step saying where it came from.
    /// </summary>
    public static Requisition ForPlacementBroughtIn(RequisitionDetails details, int hiringManagerId, string source, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Positions != 1) throw new DomainRuleException("A requisition brought in with a placement asks for that one worker.");
        var requisition = new Requisition(details, hiringManagerId, by, at);
        var note = Guard.Required($"Brought in with a live placement from {source}", Limits.Reason, "The source");
        requisition._events.Clear();
        requisition._events.Add(new RequisitionEvent(null, RequisitionStatus.Draft, by, at, note));
        foreach (var step in new[] { RequisitionStatus.Submitted, RequisitionStatus.Approved, RequisitionStatus.Open })
            requisition.MoveTo(step, by, at, step == RequisitionStatus.Approved ? "Approved before it was brought in" : null);
        return requisition;
    }

    public int ServiceAreaId { get; private set; }
    public int JobRoleId { get; private set; }
    public int HiringManagerId { get; private set; }
    public string Title { get; private set; }
    public RequisitionReason Reason { get; private set; }
    public string? Description { get; private set; }
    public decimal WeeklyHours { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }

    /// <summary>The most the service proposes to pay per hour; the pay-rate cap rules still apply on top.</summary>
    public decimal MaximumPayRate { get; private set; }

    /// <summary>How many workers the service asked for; the requisition is filled when that many are placed.</summary>
    public int Positions { get; private set; }
    public int PositionsFilled { get; private set; }

    /// <summary>A DfE return field: the assignment is to a project team rather than a business-as-usual post.</summary>
    public bool IsProjectTeam { get; private set; }

    public RequisitionStatus Status { get; private set; }
    public string RaisedBy { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }

    public IReadOnlyCollection<RequisitionEvent> Events => _events.AsReadOnly();
    public IReadOnlyCollection<ShortlistEntry> Shortlist => _shortlist.AsReadOnly();

    public bool CanBeRevised => Status is RequisitionStatus.Draft or RequisitionStatus.Rejected;

    // Which step may follow which: the one table both the checks below and the screens read.
    private static readonly Dictionary<RequisitionStatus, RequisitionStatus[]> Steps = new()
    {
        [RequisitionStatus.Submitted] = [RequisitionStatus.Draft, RequisitionStatus.Rejected],
        [RequisitionStatus.Approved] = [RequisitionStatus.Submitted],
        [RequisitionStatus.Rejected] = [RequisitionStatus.Submitted],
        [RequisitionStatus.Open] = [RequisitionStatus.Approved],
        [RequisitionStatus.Filled] = [RequisitionStatus.Open],
        [RequisitionStatus.Cancelled] = [RequisitionStatus.Draft, RequisitionStatus.Submitted, RequisitionStatus.Approved, RequisitionStatus.Rejected, RequisitionStatus.Open],
    };

    /// <summary>Whether the requisition, as it stands, can move to <paramref name="to"/>.</summary>
    public bool CanMoveTo(RequisitionStatus to) => Steps.TryGetValue(to, out var from) && from.Contains(Status);

    public static string DescribeState(RequisitionStatus status) =>
        status == RequisitionStatus.Draft ? "a draft" : status.ToString().ToLowerInvariant();

    public void Revise(RequisitionDetails details, string by, DateTimeOffset at)
    {
        if (!CanBeRevised) throw new DomainRuleException($"A requisition that is {DescribeState(Status)} cannot be changed.");
        if (details.ServiceAreaId != ServiceAreaId) throw new DomainRuleException("A requisition cannot move to another service area.");
        Apply(details);
        _events.Add(new RequisitionEvent(Status, Status, by, at, "Revised"));
    }

    public void Submit(string by, DateTimeOffset at) => MoveTo(RequisitionStatus.Submitted, by, at, null);

    /// <summary>Whether <paramref name="user"/> raised this requisition, changed what it asks for, or submitted it for approval (its steps must be loaded).</summary>
    public bool WasShapedBy(string user) =>
        string.Equals(RaisedBy, user, StringComparison.OrdinalIgnoreCase)
        || _events.Any(e => string.Equals(e.By, user, StringComparison.OrdinalIgnoreCase) && (e.Note is "Raised" or "Revised" || e.To == RequisitionStatus.Submitted));

    public void Approve(string by, DateTimeOffset at) => MoveTo(RequisitionStatus.Approved, by, at, null);

    public void Reject(string by, DateTimeOffset at, string reason) =>
        MoveTo(RequisitionStatus.Rejected, by, at, Guard.Required(reason, Limits.Reason, "The reason for rejecting"));

    public void Open(string by, DateTimeOffset at) => MoveTo(RequisitionStatus.Open, by, at, null);

    public void Cancel(string by, DateTimeOffset at, string reason) =>
        MoveTo(RequisitionStatus.Cancelled, by, at, Guard.Required(reason, Limits.Reason, "The reason for cancelling"));

    public bool CanTakePlacement => Status == RequisitionStatus.Open && PositionsFilled < Positions;

    /// <summary>
    /// Counts a new placement against the requisition; it is filled once every position it asked for is taken.
    /// Called by <see cref="Placements.Placement.Book"/>, so no placement exists without a position for it.
    /// </summary>
    internal void TakePlacement(int workerId, string by, DateTimeOffset at)
    {
        if (Status == RequisitionStatus.Filled)
            throw new DomainRuleException(Positions == 1
                ? "This requisition is already filled: it asked for one worker."
                : $"This requisition is already filled: all {Positions} positions are taken.");
        if (Status != RequisitionStatus.Open) throw new DomainRuleException($"Only an open requisition can take a placement; this one is {DescribeState(Status)}.");

        PositionsFilled++;
        _shortlist.SingleOrDefault(e => e.WorkerId == workerId && e.Status == ShortlistEntryStatus.Shortlisted)?.MarkPlaced();
        if (PositionsFilled == Positions) MoveTo(RequisitionStatus.Filled, by, at, null);
    }

    /// <summary>
    /// Gives back the position a booking took, when the booking was called off or declined at sign-off before it
    /// started: the worker is on the shortlist again and a filled requisition is open again, so the recruiter can book
    /// again. A requisition cancelled meanwhile stays cancelled.
    /// </summary>
    internal void GiveBackPlacement(int workerId, string by, DateTimeOffset at)
    {
        if (PositionsFilled == 0) throw new DomainRuleException("This requisition has no placement to give back.");
        PositionsFilled--;
        _shortlist.SingleOrDefault(e => e.WorkerId == workerId)?.Unplace();
        if (Status != RequisitionStatus.Filled) return;
        // Not a step anyone takes from the screens (the steps table has no way back from filled): the position the
        // booking held was never really filled.
        _events.Add(new RequisitionEvent(Status, RequisitionStatus.Open, by, at, "A booking was called off before it started"));
        Status = RequisitionStatus.Open;
    }

    public ShortlistEntry AddToShortlist(int workerId, string localTier, int preferencePoints, Decisions.RuleDecision? decision, string by, DateTimeOffset at)
    {
        if (Status != RequisitionStatus.Open) throw new DomainRuleException("Workers can only be shortlisted for an open requisition.");
        var existing = _shortlist.SingleOrDefault(e => e.WorkerId == workerId);
        if (existing is { Status: ShortlistEntryStatus.Removed })
        {
            existing.Reinstate(localTier, preferencePoints, decision, by, at);
            return existing;
        }
        if (existing is not null) throw new DomainRuleException("This worker is already on the shortlist.");

        var entry = new ShortlistEntry(workerId, localTier, preferencePoints, decision, by, at);
        _shortlist.Add(entry);
        return entry;
    }

    public void RemoveFromShortlist(int workerId, string by, DateTimeOffset at, string reason)
    {
        var entry = _shortlist.SingleOrDefault(e => e.WorkerId == workerId)
            ?? throw new DomainRuleException("This worker is not on the shortlist.");
        entry.Remove(by, at, reason);
    }

    private void Apply(RequisitionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        ServiceAreaId = Guard.Reference(details.ServiceAreaId, "The service area");
        JobRoleId = Guard.Reference(details.JobRoleId, "The job role");
        Title = Guard.Required(details.Title, Limits.Title, "The title");
        Reason = details.Reason;
        Description = Guard.Optional(details.Description, Limits.LongText, "The description");
        if (details.WeeklyHours is <= 0 or > 168) throw new DomainRuleException("Weekly hours must be more than 0 and no more than 168.");
        WeeklyHours = details.WeeklyHours;
        Guard.EndNotBeforeStart(details.StartDate, details.EndDate, "A requisition");
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        MaximumPayRate = Guard.Positive(details.MaximumPayRate, "The maximum pay rate");
        if (details.Positions < PositionsFilled) throw new DomainRuleException("A requisition cannot ask for fewer workers than are already placed.");
        Positions = Guard.Positive(details.Positions, "The number of workers");
        IsProjectTeam = details.IsProjectTeam;
    }

    private void MoveTo(RequisitionStatus to, string by, DateTimeOffset at, string? note)
    {
        if (!CanMoveTo(to))
            throw new DomainRuleException($"A requisition that is {DescribeState(Status)} cannot be {DescribeAction(to)}.");
        _events.Add(new RequisitionEvent(Status, to, by, at, note));
        Status = to;
    }

    private static string DescribeAction(RequisitionStatus status) => status switch
    {
        RequisitionStatus.Open => "opened",
        RequisitionStatus.Draft => "made a draft",
        _ => status.ToString().ToLowerInvariant(),
    };
}
