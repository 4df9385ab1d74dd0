using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SignOffs;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Domain.Placements;

/// <summary>
/// A worker placed against a requisition: rates, hours and dates, how it was extended, whether a rate above
/// its cap was signed off, and how it ended. The rule decisions that allowed each change are kept with it, and
/// the sign-offs an exception needed: a booking over its cap waits for them before it starts, an extension past
/// the longest length before it takes effect.
/// </summary>
public sealed class Placement : AggregateRoot
{
    private readonly List<PlacementExtension> _extensions = [];
    private readonly List<CapException> _capExceptions = [];
    private readonly List<PlacementRateChange> _rateChanges = [];
    private readonly List<RuleDecision> _decisions = [];
    private readonly List<SignOff> _signOffs = [];

    private Placement() { Rates = null!; CommittedWeek = null!; BookedBy = string.Empty; }

    private Placement(Requisition requisition, Worker worker, PlacementBooking booking, string by, DateTimeOffset at)
    {
        RequisitionId = Guard.Reference(requisition.Id, "The requisition");
        ServiceAreaId = requisition.ServiceAreaId;
        JobRoleId = requisition.JobRoleId;
        WorkerId = Guard.Reference(worker.Id, "The worker");
        SupplyAgencyId = worker.SupplyAgencyId;
        WorkerPostcodeDistrict = worker.PostcodeDistrict;
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
    /// Books a worker against an open requisition, taking one of its positions. A rate above its cap goes on the
    /// cap exception register and the booking waits for the posts its rule names to sign it off.
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
        {
            var exception = new CapException(booking.Rates.PayRate, booking.Rates.ChargeRate, capException, recorded.FirstOrDefault(d => d.RuleSet == RuleSetNames.PayRateCaps), by, at);
            placement._capExceptions.Add(exception);
            placement.AskSignOffs(SignOffSubject.RateOverCap, capException.Approvers, exception, null, by, at);
            placement.Status = PlacementStatus.AwaitingSignOff;
        }
        return placement;
    }

    /// <summary>
    /// A placement already live when it was brought in from a file: booked as any other is, against the requisition
    /// <see cref="Requisition.ForPlacementBroughtIn"/> made for it, under the same decisions. Sign-offs the file says
    /// were given before (<paramref name="signedElsewhere"/>, one a post) are recorded as given, by name and day; a
    /// post with none waits for its holder in the app as any booking over its cap does.
    /// </summary>
    public static Placement BringIn(
        Requisition requisition,
        Worker worker,
        PlacementBooking booking,
        CapExceptionApproval? capException,
        IReadOnlyCollection<SignOffGivenElsewhere> signedElsewhere,
        IEnumerable<RuleDecision> decisions,
        string externalReference,
        string source,
        string by,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signedElsewhere);
        var placement = Book(requisition, worker, booking, capException, decisions, by, at);
        placement.ExternalReference = Guard.Required(externalReference, Limits.Reference, "The external reference");
        foreach (var given in signedElsewhere)
        {
            var waiting = placement._signOffs.FirstOrDefault(s => s.State == SignOffState.Awaiting && string.Equals(s.Position, given.Position, StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainRuleException($"This booking needs no sign-off from the {given.Position}.");
            waiting.GiveElsewhere(given.Name, given.At, $"Signed off before the placement was brought in from {source}");
        }
        if (placement.Status == PlacementStatus.AwaitingSignOff && placement._signOffs.All(s => s.State == SignOffState.Given)) placement.Status = PlacementStatus.Active;
        return placement;
    }

    /// <summary>The placement's reference in the file it was brought in from; a file imported again finds it by it.</summary>
    public string? ExternalReference { get; private set; }

    public int RequisitionId { get; private set; }
    public int WorkerId { get; private set; }
    public int SupplyAgencyId { get; private set; }

    /// <summary>
    /// The postcode district the worker lived in when booked: whether the placement went to a local resident (supplier
    /// performance) is a fact of the booking, and kept with it, so a year of bookings is counted without reading each
    /// worker's record.
    /// </summary>
    public string WorkerPostcodeDistrict { get; private set; } = string.Empty;

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
    public IReadOnlyCollection<SignOff> SignOffs => _signOffs.AsReadOnly();

    /// <summary>The extension waiting for its sign-offs, if one is.</summary>
    public PlacementExtension? PendingExtension => _extensions.FirstOrDefault(e => e.Status == ExtensionStatus.AwaitingSignOff);

    /// <summary>
    /// Whether the placement as booked now has approval to run past the longest length: an extension to its current
    /// planned end was signed off as going beyond the limit. (The nightly check asks the same in its query.)
    /// </summary>
    public bool ApprovedBeyondLengthLimit => _extensions.Any(e => e.BeyondLengthLimit && e.Status == ExtensionStatus.InForce && e.NewEndDate >= PlannedEndDate);

    public bool IsLiveOn(DateOnly date) => Status == PlacementStatus.Active && StartDate <= date;

    /// <summary>The last day worked, or to be worked as things stand.</summary>
    public DateOnly EndDate => ActualEndDate ?? PlannedEndDate;

    /// <summary>Calendar days from the start to <paramref name="asOf"/> (or the end, if earlier), counting both.</summary>
    public int DaysServed(DateOnly asOf)
    {
        var last = EndDate < asOf ? EndDate : asOf;
        return last < StartDate ? 0 : last.DayNumber - StartDate.DayNumber + 1;
    }

    /// <summary>
    /// Extends the placement, agreed with <paramref name="agreedWith"/>. Past the longest length the rules allow,
    /// <paramref name="signOffBy"/> names the posts that must sign it off, and it takes effect only when they have.
    /// </summary>
    public PlacementExtension Extend(DateOnly newEndDate, string reason, string agreedWith, string? signOffBy, RuleDecision? decision, string by, DateTimeOffset at)
    {
        RequireActive("extended");
        if (PendingExtension is { } pending)
            throw new DomainRuleException($"An extension to {pending.NewEndDate:d MMMM yyyy} is waiting for its sign-off: it must be signed off or declined before another is asked for.");
        if (newEndDate <= PlannedEndDate)
            throw new DomainRuleException($"An extension must run past the current planned end, {PlannedEndDate:d MMMM yyyy}.");
        var posts = SignOffPosition.Named(signOffBy);
        var extension = new PlacementExtension(PlannedEndDate, newEndDate, reason, agreedWith, posts.Count > 0, decision, by, at);
        _extensions.Add(extension);
        Record(decision);
        if (posts.Count > 0) AskSignOffs(SignOffSubject.ExtensionBeyondLimit, signOffBy, null, extension, by, at);
        else PlannedEndDate = newEndDate;
        return extension;
    }

    /// <summary>
    /// <paramref name="signer"/> signs off for the post of sign-off <paramref name="signOffId"/>. When every post has,
    /// a booking starts (on <paramref name="today"/> if its start date has passed meanwhile), an extension takes effect.
    /// Nobody signs off their own request, and one person does not sign for two posts on the same request.
    /// </summary>
    public void GiveSignOff(int signOffId, PositionHolder signer, string? note, DateOnly today, DateTimeOffset at) =>
        GiveSignOff(SignOffById(signOffId), signer, note, today, at);

    /// <summary>As the other overload, for a sign-off not saved yet (one without an id).</summary>
    public void GiveSignOff(SignOff signOff, PositionHolder signer, string? note, DateOnly today, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signer);
        AwaitingSignOff(signOff, signer);
        var request = _signOffs.Where(s => s.SameRequestAs(signOff)).ToList();
        var last = request.All(s => s == signOff || s.State == SignOffState.Given);
        if (last && signOff.Subject == SignOffSubject.RateOverCap && today > PlannedEndDate)
            throw new DomainRuleException($"The booked dates ended on {PlannedEndDate:d MMMM yyyy} while it waited: decline it, and the recruiter books again with new dates.");
        signOff.Give(signer, note, at);
        if (!last) return;
        if (signOff.Subject == SignOffSubject.RateOverCap)
        {
            Status = PlacementStatus.Active;
            // A booking made here cannot start before it is signed off. One brought in was already running
            // elsewhere: its weeks were worked, and the AWR clock and the reports count them from its real start.
            if (StartDate < today && ExternalReference is null) StartDate = today;
        }
        else
        {
            signOff.Extension!.Settle(ExtensionStatus.InForce);
            PlannedEndDate = signOff.Extension.NewEndDate;
        }
    }

    /// <summary>
    /// <paramref name="signer"/> declines sign-off <paramref name="signOffId"/>, with a reason; the other posts' sign-offs
    /// of the same request are withdrawn. A declined booking is called off and gives its position back to
    /// <paramref name="requisition"/> (which must be given for a booking); a declined extension leaves the placement as it was.
    /// </summary>
    public void DeclineSignOff(int signOffId, PositionHolder signer, string reason, Requisition? requisition, DateTimeOffset at) =>
        DeclineSignOff(SignOffById(signOffId), signer, reason, requisition, at);

    /// <summary>As the other overload, for a sign-off not saved yet (one without an id).</summary>
    public void DeclineSignOff(SignOff signOff, PositionHolder signer, string reason, Requisition? requisition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(signer);
        AwaitingSignOff(signOff, signer);
        if (signOff.Subject == SignOffSubject.RateOverCap && requisition?.Id != RequisitionId)
            throw new ArgumentException("A declined booking gives its position back to its own requisition.", nameof(requisition));
        signOff.Decline(signer, reason, at);
        foreach (var other in _signOffs.Where(s => s.SameRequestAs(signOff))) other.Withdraw(at);
        if (signOff.Subject == SignOffSubject.RateOverCap)
        {
            Close(PlacementStatus.Cancelled, null, $"Declined at sign-off by {signer.Name} for the {signOff.Position}", signer.UserName, at);
            requisition!.GiveBackPlacement(WorkerId, signer.UserName, at);
        }
        else signOff.Extension!.Settle(ExtensionStatus.Declined);
    }

    /// <summary>The changes to its pay, each from its day with the pay it replaced: what <see cref="RateInForce"/> reads.</summary>
    public IReadOnlyList<RateChangeOn> PayChanges() => [.. _rateChanges.Select(c => new RateChangeOn(c.EffectiveFrom, c.PreviousPayRate))];

    /// <summary>The pay an hour in force on a day (a timesheet's day, the day parity is due).</summary>
    public decimal PayRateOn(DateOnly day) => RateInForce.On(day, Rates.PayRate, PayChanges());

    public void ChangeRates(PlacementRates rates, DateOnly effectiveFrom, string reason, CapExceptionApproval? capException, RuleDecision? decision, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rates);
        // A placement that has ended is re-rated for days it ran (AWR pay parity owed on its last weeks); no other.
        if (Status != PlacementStatus.Ended) RequireActive("re-rated");
        if (effectiveFrom < StartDate || effectiveFrom > EndDate)
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

    /// <summary>
    /// Calls off a placement that has not started, or a booking still waiting for its sign-off (whatever its start
    /// date, since it cannot start before it is signed off), giving its position back to <paramref name="requisition"/>.
    /// </summary>
    public void Cancel(DateOnly today, string reason, Requisition requisition, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        if (requisition.Id != RequisitionId) throw new ArgumentException("A booking called off gives its position back to its own requisition.", nameof(requisition));
        if (Status != PlacementStatus.AwaitingSignOff)
        {
            RequireActive("cancelled");
            if (StartDate <= today) throw new DomainRuleException("A placement that has started is ended, not cancelled.");
        }
        Close(PlacementStatus.Cancelled, null, Guard.Required(reason, Limits.Reason, "The reason for cancelling"), by, at);
        requisition.GiveBackPlacement(WorkerId, by, at);
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
        // Whatever waited for a sign-off no longer needs one.
        foreach (var waiting in _signOffs) waiting.Withdraw(at);
        PendingExtension?.Settle(ExtensionStatus.Withdrawn);
        Status = status;
        ActualEndDate = lastDay;
        EndReason = reason;
        EndedBy = Guard.Required(by, Limits.Actor);
        EndedAt = at;
    }

    private void AskSignOffs(SignOffSubject subject, string? positions, CapException? exception, PlacementExtension? extension, string by, DateTimeOffset at)
    {
        var posts = SignOffPosition.Named(positions);
        if (posts.Count == 0) throw new DomainRuleException("An exception needs at least one post to sign it off.");
        foreach (var post in posts) _signOffs.Add(new SignOff(subject, post, exception, extension, by, at));
    }

    private SignOff SignOffById(int signOffId) =>
        _signOffs.SingleOrDefault(s => s.Id == signOffId) ?? throw new DomainRuleException("There is no such sign-off on this placement.");

    private SignOff AwaitingSignOff(SignOff signOff, PositionHolder signer)
    {
        if (!_signOffs.Contains(signOff)) throw new DomainRuleException("There is no such sign-off on this placement.");
        if (signOff.State != SignOffState.Awaiting)
            throw new DomainRuleException(signOff.State switch
            {
                SignOffState.Given => $"This has already been signed off for the {signOff.Position}, by {signOff.DecidedByName}.",
                SignOffState.Declined => $"This was declined for the {signOff.Position}, by {signOff.DecidedByName}.",
                _ => "This no longer needs a sign-off: the request was declined or called off.",
            });
        if (WhyCannotSign(signOff, signer.UserName) is { } refused) throw new DomainRuleException(refused);
        return signOff;
    }

    /// <summary>
    /// Why <paramref name="userName"/>, holding its post, still may not sign <paramref name="signOff"/>: they asked for
    /// it, or signed the same request for another post. Null when they may.
    /// </summary>
    public string? WhyCannotSign(SignOff signOff, string userName)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        if (string.Equals(signOff.RequestedBy, userName, StringComparison.OrdinalIgnoreCase))
            return $"You asked for this, so you cannot sign it off: someone else who holds the post of {signOff.Position} must.";
        return _signOffs.FirstOrDefault(s => s.SameRequestAs(signOff) && s != signOff && s.State is SignOffState.Given && string.Equals(s.DecidedBy, userName, StringComparison.OrdinalIgnoreCase)) is { } mine
            ? $"You have signed this off already, for the {mine.Position}: the {signOff.Position} must be signed for by someone else."
            : null;
    }

    private void RequireActive(string action)
    {
        if (Status != PlacementStatus.Active)
            throw new DomainRuleException($"A placement that is {Describe(Status)} cannot be {action}.");
    }

    /// <summary>The status as a sentence says it: "ended", "waiting for sign-off".</summary>
    public static string Describe(PlacementStatus status) => status switch
    {
        PlacementStatus.AwaitingSignOff => "waiting for sign-off",
        _ => status.ToString().ToLowerInvariant(),
    };

    // Hours are kept to two places (stored as hundredths where the database sums them): a third would be costed here
    // and rounded away in the database, and the placement's week and the reports' totals would then differ.
    private static decimal CheckedHours(decimal hours) =>
        hours is <= 0 or > 168 ? throw new DomainRuleException("Weekly hours must be more than 0 and no more than 168.")
        : decimal.Round(hours, 2) != hours ? throw new DomainRuleException("Weekly hours are kept to 2 decimal places.")
        : hours;
}
