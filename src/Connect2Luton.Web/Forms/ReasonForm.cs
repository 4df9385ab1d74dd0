namespace Connect2Luton.Web.Forms;

/// <summary>A form that asks only why: taking someone off a shortlist, closing a requisition, declining or withdrawing a candidate.</summary>
public sealed class ReasonForm
{
    public string? Reason { get; set; }
}
