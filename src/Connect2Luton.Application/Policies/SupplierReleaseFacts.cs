using System.ComponentModel;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// What the supplier release rules know about an approved requisition and one kind of supplier, at a moment: each
/// requisition is decided once for every distinct kind of agency (its tier, whether it is on the DPS, whether it
/// confirms the DfE agency rules), not once for every agency.
/// </summary>
public sealed record SupplierReleaseFacts : IDatedFacts
{
    [Description("The day the decision is made for.")]
    public required DateOnly AsOf { get; init; }

    [Description("Who would see the requisition: the in-house pool, local supporting agencies or external agencies.")]
    [CodedAs(typeof(Domain.SupplyAgencies.SupplyAgencyKind), "kind of supplier")]
    public required string SupplierKind { get; init; }

    [Description("The agency was appointed through the dynamic purchasing system (it has a DPS reference).")]
    public required bool SupplierOnDps { get; init; }

    [Description("The agency has confirmed it works to the DfE agency rules for child and family social workers.")]
    public required bool SupplierConfirmsDfeAgencyRules { get; init; }

    [Description("The job family of the requisition's role: social care, housing, planning, neighbourhood services, catering, business support or interim management.")]
    [CodedAs(typeof(Domain.JobRoles.JobFamily), "job family")]
    public required string JobFamily { get; init; }

    [Description("The DfE agency-rules role type of the requisition's role (social worker, senior social worker, advanced practitioner, team manager, independent reviewing officer); empty for any other role.")]
    [CodedAs(typeof(Domain.JobRoles.DfeRoleType), "DfE role type", None = "Not a DfE role")]
    public required string DfeRoleType { get; init; }

    [Description("The requisition is for a children's services area.")]
    public required bool IsChildrensServices { get; init; }

    [Description("Whole hours since the requisition was approved.")]
    public required int HoursSinceApproval { get; init; }

    [Description("Whole working days (Monday to Friday, on a clock in Luton) since the requisition was approved: approved on a Friday at 16:00, it is 2 on the Tuesday at 16:00.")]
    public required int WorkingDaysSinceApproval { get; init; }

    [Description("Active workers in the in-house pool in the role's job family whose right to work is checked and in date.")]
    public required int MatchingInHouseWorkers { get; init; }

    [Description("Days from the decision day to the requisition's start date: 0 if it starts that day, less than 0 if its start has passed.")]
    public required int DaysUntilStart { get; init; }

    [Description("Workers still to be placed: the positions asked for less those filled.")]
    public required int PositionsLeft { get; init; }
}
