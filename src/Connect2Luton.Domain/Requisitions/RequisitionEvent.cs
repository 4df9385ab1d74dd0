using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Requisitions;

/// <summary>One step in a requisition's life: who moved it, from where to where, when, and why.</summary>
public sealed class RequisitionEvent : Entity
{
    private RequisitionEvent() { By = string.Empty; }

    internal RequisitionEvent(RequisitionStatus? from, RequisitionStatus to, string by, DateTimeOffset at, string? note)
    {
        From = from;
        To = to;
        By = Guard.Required(by, Limits.Actor);
        At = at;
        Note = Guard.Optional(note, Limits.Reason);
    }

    public int RequisitionId { get; private set; }
    public RequisitionStatus? From { get; private set; }
    public RequisitionStatus To { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
}
