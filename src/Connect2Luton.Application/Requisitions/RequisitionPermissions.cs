using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Domain.Requisitions;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Application.Requisitions;

public enum RequisitionAction
{
    Revise,
    Submit,
    Approve,
    Reject,
    Open,
    Cancel,
}

/// <summary>
/// Who may do what to a requisition, as it stands. The details page offers only the actions this allows, and
/// every command asks it again, so a hidden button is never the only guard.
/// </summary>
public sealed class RequisitionPermissions(ICurrentUser user, DataScope scope, IOptions<RequisitionOptions> options)
{
    /// <summary>Why this user may not take this action on this requisition now; null if they may.</summary>
    public CommandResult? Refusal(Requisition requisition, RequisitionAction action)
    {
        if (Forbidden(requisition, action) is { } forbidden) return forbidden;
        if (action == RequisitionAction.Approve && ApprovalNote(requisition) is { } raisedIt) return CommandResult.Forbidden(raisedIt);

        var possible = action switch
        {
            RequisitionAction.Revise => requisition.CanBeRevised,
            RequisitionAction.Submit => requisition.CanMoveTo(RequisitionStatus.Submitted),
            RequisitionAction.Approve => requisition.CanMoveTo(RequisitionStatus.Approved),
            RequisitionAction.Reject => requisition.CanMoveTo(RequisitionStatus.Rejected),
            RequisitionAction.Open => requisition.CanMoveTo(RequisitionStatus.Open),
            RequisitionAction.Cancel => requisition.CanMoveTo(RequisitionStatus.Cancelled),
            _ => false,
        };
        return possible
            ? null
            : CommandResult.Conflict($"This requisition is {Requisition.DescribeState(requisition.Status)} now, so that cannot be done. The page shows its latest state.");
    }

    /// <summary>
    /// Why this user may never take this action on this requisition, whatever state it is in; null if their role
    /// and service let them. Asked before anything else, so someone not allowed is refused rather than asked for a reason.
    /// </summary>
    public CommandResult? Forbidden(Requisition requisition, RequisitionAction action)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        // What the user may do, within the services they see: a hiring manager approves their own service's only.
        var allowed = scope.Sees(requisition.ServiceAreaId) && user.May(action switch
        {
            RequisitionAction.Approve or RequisitionAction.Reject => Permissions.ApproveRequisitions,
            RequisitionAction.Open => Permissions.OpenRequisitions,
            _ => Permissions.RaiseRequisitions,
        });
        return allowed ? null : CommandResult.Forbidden(action switch
        {
            RequisitionAction.Approve or RequisitionAction.Reject => "Only a hiring manager of the service that raised this requisition can approve or reject it.",
            RequisitionAction.Open => "Only a recruiter can open a requisition.",
            _ => "Only the service that raised this requisition, or a recruiter, can do that.",
        });
    }

    /// <summary>
    /// Why this user, who could otherwise approve it, may not approve this requisition awaiting approval; null if
    /// they may. Whoever raised it, changed what it asks for or submitted it is asking; someone else approves.
    /// </summary>
    public string? ApprovalNote(Requisition requisition)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        return options.Value.ApproverMustNotBeRaiser && requisition.CanMoveTo(RequisitionStatus.Approved)
            && Forbidden(requisition, RequisitionAction.Approve) is null
            && requisition.WasShapedBy(user.Name)
                ? "You raised, changed or submitted this requisition, so someone else must approve it: another hiring manager of the service, or an admin."
                : null;
    }

    /// <summary>The actions this user's role and service let them take on this requisition in some state.</summary>
    public IReadOnlyList<RequisitionAction> Permitted(Requisition requisition) =>
        Enum.GetValues<RequisitionAction>().Where(a => Forbidden(requisition, a) is null).ToList();

    /// <summary>The actions this user can take on this requisition now, for the details page.</summary>
    public IReadOnlyList<RequisitionAction> Available(Requisition requisition) =>
        Enum.GetValues<RequisitionAction>().Where(a => Refusal(requisition, a) is null).ToList();

    /// <summary>Whether this user may see the requisition at all: a hiring manager sees their own service's only.</summary>
    public bool CanSee(Requisition requisition)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        return scope.Sees(requisition.ServiceAreaId);
    }

    /// <summary>A hiring manager sees only their own service (<see cref="DataScope"/>).</summary>
    public bool IsScopedToOwnService => !scope.SeesEveryService;

    public int? ScopeServiceAreaId => scope.OnlyServiceArea;
}
