using System.ComponentModel;

namespace Connect2Luton.Application.Policies;

/// <summary>What the permanent-conversion rules know about a placed worker.</summary>
public sealed record ConversionFacts : IDatedFacts
{
    [Description("The day the decision is made for.")]
    public required DateOnly AsOf { get; init; }

    [Description("Whole weeks of continuous placement with the council that have passed, not counting today (a gap of more than 42 days restarts the count).")]
    public required int ContinuousWeeks { get; init; }

    [Description("The first day on which no transfer fee can be charged: 14 weeks after the first day of continuous placement, or 8 weeks after the last day worked if that is later (the week counts are this rule set's own).")]
    public required DateOnly FeeFreeFrom { get; init; }

    [Description("Why the post was requisitioned: vacancy cover, sickness cover, maternity cover, a project, peak workload or interim management.")]
    [CodedAs(typeof(Domain.Requisitions.RequisitionReason), "reason for a requisition")]
    public required string RequisitionReason { get; init; }

    [Description("The role is an interim (usually management) role.")]
    public required bool IsInterim { get; init; }

    [Description("The right-to-work check is in date today.")]
    public required bool RightToWorkValid { get; init; }

    [Description("A DBS certificate is held.")]
    public required bool HasDbs { get; init; }

    [Description("Whole months since the DBS certificate was issued (0 if none is held).")]
    public required int DbsMonthsOld { get; init; }

    [Description("Whole months since the certificate's status was last checked on the DBS Update Service and showed no change; empty if it is not on the Update Service or was never checked.")]
    public int? DbsStatusCheckMonthsOld { get; init; }

    [Description("The role requires professional registration (e.g. Social Work England).")]
    public required bool RegistrationRequired { get; init; }

    [Description("The worker's professional registration is current today.")]
    public required bool RegistrationValid { get; init; }

    [Description("The worker has said they are open to a permanent job.")]
    public required bool OpenToPermanentJob { get; init; }
}
