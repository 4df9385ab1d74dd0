using System.Collections.Concurrent;

namespace Connect2Luton.Load;

/// <summary>What the clients were told was saved: the database must hold exactly this afterwards.</summary>
internal sealed class Ledger
{
    public ConcurrentDictionary<int, string> RaisedRequisitions { get; } = new();
    public ConcurrentDictionary<int, string> AddedWorkers { get; } = new();

    /// <summary>Each shared record's saved edits (the text each wrote), keyed "Requisitions 12" or "Workers 40".</summary>
    public ConcurrentDictionary<string, ConcurrentBag<string>> SavedEdits { get; } = new(StringComparer.Ordinal);

    /// <summary>Each submission reported made: the vacancy and contested person it was for, and the candidate record put forward.</summary>
    public ConcurrentBag<(int Vacancy, int Person, int Candidate)> PutForwardPeople { get; } = [];

    private int _conflicts;
    private int _refused;

    // Saves whose answer was lost in flight (a node went down under them): each may be in the database once, or not at all.

    /// <summary>Requisition titles posted and lost in flight.</summary>
    public ConcurrentDictionary<string, byte> InDoubtRequisitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Worker and agency candidate emails posted and lost in flight.</summary>
    public ConcurrentDictionary<string, byte> InDoubtWorkers { get; } = new(StringComparer.Ordinal);

    /// <summary>Candidates put forward for a vacancy, lost in flight.</summary>
    public ConcurrentDictionary<(int Vacancy, int Candidate), byte> InDoubtPutForward { get; } = new();

    /// <summary>Edits to shared records (as <see cref="SavedEdits"/>) lost in flight.</summary>
    public ConcurrentDictionary<string, ConcurrentBag<string>> InDoubtEdits { get; } = new(StringComparer.Ordinal);

    /// <summary>Weeks' hours saved or sent, lost in flight.</summary>
    public ConcurrentDictionary<(int Placement, DateOnly Week), ConcurrentQueue<EnteredHours>> InDoubtWeeks { get; } = new();

    /// <summary>Timesheets whose approval was lost in flight.</summary>
    public ConcurrentDictionary<int, byte> InDoubtApprovals { get; } = new();

    public int InDoubt => InDoubtRequisitions.Count + InDoubtWorkers.Count + InDoubtPutForward.Count + InDoubtEdits.Values.Sum(e => e.Count)
        + InDoubtWeeks.Values.Sum(q => q.Count) + InDoubtApprovals.Count;

    public int RefusedAsAlreadyPutForward => _refused;

    public void PutForward(int vacancy, int person, int candidate) => PutForwardPeople.Add((vacancy, person, candidate));

    public void Refused() => Interlocked.Increment(ref _refused);

    public int Conflicts => _conflicts;

    public void Conflict() => Interlocked.Increment(ref _conflicts);

    public void Saved(string record, string text) => SavedEdits.GetOrAdd(record, _ => []).Add(text);

    /// <summary>Each placement week's hours reported saved or sent, in the order the answers came, whoever entered them.</summary>
    public ConcurrentDictionary<(int Placement, DateOnly Week), ConcurrentQueue<EnteredHours>> EnteredWeeks { get; } = new();

    /// <summary>Each timesheet reported approved, with what the manager was shown of it.</summary>
    public ConcurrentDictionary<int, ApprovedWeek> ApprovedTimesheets { get; } = new();

    /// <summary>Each approved timesheet's priced lines as the database held them just after the approval was reported.</summary>
    public ConcurrentDictionary<int, string> LinesAtApproval { get; } = new();

    private int _timesheetConflicts;
    private int _approvalsRefused;
    private int _approvalsRefusedByRules;
    public int TimesheetConflicts => _timesheetConflicts;

    /// <summary>Weeks a manager was told were not approved: approved or changed by a colleague first, or refused by the rules.</summary>
    public int ApprovalsRefused => _approvalsRefused;

    /// <summary>Of those, weeks the rules refused (pay parity due and not paid, hours outside the placement's dates).</summary>
    public int ApprovalsRefusedByRules => _approvalsRefusedByRules;

    public int WeeksSent => EnteredWeeks.Values.Sum(q => q.Count(e => e.Sent));

    public int WeeksSaved => EnteredWeeks.Values.Sum(q => q.Count(e => !e.Sent));

    public void Entered(int placement, DateOnly week, EnteredHours hours) => EnteredWeeks.GetOrAdd((placement, week), _ => new()).Enqueue(hours);

    /// <summary>Timesheets reported approved, in turn, for their lines to be read just after.</summary>
    public System.Threading.Channels.Channel<int> JustApproved { get; } = System.Threading.Channels.Channel.CreateUnbounded<int>();

    /// <summary>Notes a timesheet reported approved; false if it had been already (a second approval must be refused).</summary>
    public bool Approved(int id, ApprovedWeek week)
    {
        if (!ApprovedTimesheets.TryAdd(id, week)) return false;
        JustApproved.Writer.TryWrite(id);
        return true;
    }

    public void TimesheetConflict() => Interlocked.Increment(ref _timesheetConflicts);

    public void ApprovalRefused(int count = 1, int byRules = 0)
    {
        Interlocked.Add(ref _approvalsRefused, count);
        Interlocked.Add(ref _approvalsRefusedByRules, byRules);
    }
}

/// <summary>A week's hours a client was told were saved (or sent for approval), by day.</summary>
internal sealed record EnteredHours(string By, IReadOnlyDictionary<DateOnly, decimal> Hours, bool Sent);

/// <summary>
/// A timesheet a manager was told was approved, and what they were shown: its hours and charge, and after a single
/// approval its pay and each line's hours, pay and charge as the approved week's page listed them.
/// </summary>
internal sealed record ApprovedWeek(int Placement, DateOnly Week, string How, decimal Hours, decimal Charge, decimal? Pay = null, IReadOnlyList<(decimal Hours, decimal Pay, decimal Charge)>? Lines = null);
