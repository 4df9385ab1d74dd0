namespace Connect2Luton.Domain.Requisitions;

public enum RequisitionStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Open,
    Filled,
    Cancelled,
}
