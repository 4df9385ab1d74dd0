using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// A recruiter releasing a requisition to agencies before the release rules would, or holding it back, always
/// saying why; each is recorded on its release with who and when. Released early, a tier reaches every active agency
/// in it that the rules do not rule out for good (the DfE agency rules still keep children's social work from
/// agencies that have not confirmed them); external agencies released early bring the local supporting agencies
/// with them. Each is made against the version of the release the recruiter saw.
/// </summary>
public sealed class SupplierReleaseCommands(
    IRepository<SupplierRelease> releases,
    IReadRepository<Requisition> requisitions,
    RequisitionPermissions permissions,
    ReleaseContexts contexts,
    ISupplierReleasePolicy policy,
    IReleaseNotifier notifier,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    public const string ReasonField = "Reason";

    /// <summary>
    /// The version a requisition's release is read at before it has one. A release is made at version 0, so "none
    /// yet" must differ from it: a page read before someone else's first hold is then out of date, as it should be.
    /// </summary>
    public const int NoReleaseYet = -1;

    public async Task<CommandResult> ReleaseEarlyAsync(int requisitionId, int version, SupplyAgencyKind tier, string? reason, CancellationToken cancellationToken)
    {
        if (tier is not (SupplyAgencyKind.LocalSupportingAgency or SupplyAgencyKind.ExternalAgency))
            return CommandResult.Invalid(ReasonField, "Choose local supporting agencies or external agencies to release to");
        var (ready, row, release) = await OpenAsync(requisitionId, version, reason, "why it is released early", needsReleasable: true, cancellationToken);
        if (ready is not null) return ready;

        var now = clock.GetUtcNow();
        var context = await contexts.ReadAsync(now, cancellationToken);
        var decisions = await context.DecideAsync(policy, row!, cancellationToken);
        var profiles = context.Profiles;
        var reached = new List<AgenciesReached>();
        try
        {
            // The in-house pool sees every requisition first: if the schedule has not released it yet, it does now.
            var (pool, poolVersion) = decisions.DueIn(SupplyAgencyKind.InHousePool);
            if (pool.Count > 0) release!.Release(SupplyAgencyKind.InHousePool, profiles.Reach(pool), ReleaseBatch.By, now, poolVersion!);
            if (tier == SupplyAgencyKind.ExternalAgency)
            {
                var (local, _) = decisions.AllowedIn(SupplyAgencyKind.LocalSupportingAgency);
                if (local.Any(p => !release!.IsReleasedTo(p)))
                    reached.Add(Reached(requisitionId, SupplyAgencyKind.LocalSupportingAgency, profiles, release!.ReleaseEarly(SupplyAgencyKind.LocalSupportingAgency, profiles.Reach(local), user.Name, now, reason!.Trim())));
            }
            var (allowed, _) = decisions.AllowedIn(tier);
            if (allowed.Count == 0)
                return CommandResult.Conflict(RuledOut(decisions, tier) is { } why
                    ? $"No active {Words(tier)} may see this requisition: {why} Nothing has been released."
                    : $"There is no active {Words(tier)} to release this requisition to. Nothing has been released.");
            reached.Add(Reached(requisitionId, tier, profiles, release!.ReleaseEarly(tier, profiles.Reach(allowed), user.Name, now, reason!.Trim())));
        }
        catch (DomainRuleException refused)
        {
            return CommandResult.Conflict(refused.Message);
        }
        await notifier.ReachedAsync([.. reached.Where(r => r.AgencyIds.Count > 0)], cancellationToken);
        return await SaveAsync(requisitionId, cancellationToken);
    }

    public async Task<CommandResult> HoldAsync(int requisitionId, int version, string? reason, CancellationToken cancellationToken)
    {
        var (ready, _, release) = await OpenAsync(requisitionId, version, reason, "why it is held back", needsReleasable: true, cancellationToken);
        if (ready is not null) return ready;
        return await ChangeAsync(requisitionId, () => release!.Hold(user.Name, clock.GetUtcNow(), reason!.Trim()), cancellationToken);
    }

    public async Task<CommandResult> LiftHoldAsync(int requisitionId, int version, string? reason, CancellationToken cancellationToken)
    {
        var (ready, _, release) = await OpenAsync(requisitionId, version, reason, "why the hold is lifted", needsReleasable: false, cancellationToken);
        if (ready is not null) return ready;
        return await ChangeAsync(requisitionId, () => release!.LiftHold(user.Name, clock.GetUtcNow(), reason!.Trim()), cancellationToken);
    }

    /// <summary>
    /// The requisition's release ready to change, or why not: not allowed, not there, the reason missing, the
    /// requisition past releasing, or the release changed since the recruiter saw it (<see cref="NoReleaseYet"/>: it had none).
    /// </summary>
    private async Task<(CommandResult? Refused, ReleasableRequisition? Row, SupplierRelease? Release)> OpenAsync(
        int requisitionId, int version, string? reason, string what, bool needsReleasable, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ReleaseRequisitions)) return (CommandResult.Forbidden("Only recruiters release requisitions to agencies or hold them back."), null, null);
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(requisitionId), cancellationToken);
        if (requisition is null || !permissions.CanSee(requisition)) return (CommandResult.NotFound(), null, null);

        var errors = new FieldErrors();
        errors.Required(ReasonField, reason, $"Enter {what}");
        errors.Text(ReasonField, reason, Limits.Reason, "The reason");
        if (errors.Any) return (errors.ToResult(), null, null);

        var row = (await requisitions.ListAsync(new ReleasableRequisitionsSpec(0, 1, requisitionId), cancellationToken)).SingleOrDefault();
        if (row is null && needsReleasable)
            return (CommandResult.Conflict($"This requisition is {Requisition.DescribeState(requisition.Status)}{(requisition.Status == RequisitionStatus.Open ? " with every position filled" : string.Empty)}: only an approved or open requisition with workers still to place is released or held back."), null, null);

        var release = await releases.FirstOrDefaultAsync(new SupplierReleasesForUpdateSpec([requisitionId]), cancellationToken);
        if ((release?.Version ?? NoReleaseYet) != version) return (CommandResult.Conflict(Stale), null, null);
        if (release is null)
        {
            release = new SupplierRelease(requisitionId);
            releases.Add(release);
        }
        else
        {
            releases.ExpectVersion(release, version);
        }
        return (null, row, release);
    }

    private const string Stale = "Someone else released or held back this requisition while you were looking at it. Nothing you entered has been saved: check its release as it stands now, and try again if you still need to.";

    private async Task<CommandResult> ChangeAsync(int requisitionId, Action change, CancellationToken cancellationToken)
    {
        try
        {
            change();
        }
        catch (DomainRuleException refused)
        {
            return CommandResult.Conflict(refused.Message);
        }
        return await SaveAsync(requisitionId, cancellationToken);
    }

    private async Task<CommandResult> SaveAsync(int requisitionId, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        // Two people releasing a requisition that had no release yet meet on its one-per-requisition index.
        return saved.IsConflict ? CommandResult.Conflict(Stale) : CommandResult.Done(requisitionId);
    }

    // Why the rules keep a tier's agencies from the requisition for good, in the words of the first rule that does.
    private static string? RuledOut(ReleaseDecisions decisions, SupplyAgencyKind tier) =>
        decisions.ByProfile.Where(p => p.Profile.Tier == tier && p.Decision.Outcome == SupplierReleaseOutcome.Never)
            .SelectMany(p => p.Decision.Details.Failed.Where(r => r.Outcome == nameof(SupplierReleaseOutcome.Never)))
            .Select(r => r.Message).FirstOrDefault();

    private static AgenciesReached Reached(int requisitionId, SupplyAgencyKind tier, AgencyProfiles profiles, IReadOnlyList<AgencyProfile> first) =>
        new(requisitionId, tier, [.. first.SelectMany(profiles.IdsOf)]);

    private static string Words(SupplyAgencyKind tier) => tier == SupplyAgencyKind.ExternalAgency ? "external agency" : "local supporting agency";
}
