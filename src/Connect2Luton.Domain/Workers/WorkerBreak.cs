using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Workers;

/// <summary>
/// A stretch of days a worker did not work, with the reason: during a placement (sick leave, annual leave) or
/// between placements. Recorded so the AWR clock pauses, keeps counting or resets as the regulations say.
/// </summary>
public sealed class WorkerBreak : Entity
{
    private WorkerBreak() { RecordedBy = string.Empty; }

    internal WorkerBreak(DateOnly from, DateOnly to, BreakReason reason, string? note, string by, DateTimeOffset at)
    {
        Guard.EndNotBeforeStart(from, to, "A break");
        From = from;
        To = to;
        Reason = reason;
        Note = Guard.Optional(note, Limits.Reason, "The note");
        RecordedBy = Guard.Required(by, Limits.Actor);
        RecordedAt = at;
    }

    public int WorkerId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public BreakReason Reason { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;
}
