using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Application.SupplyChain;

public enum ReleaseAction
{
    ReleaseToLocalAgencies,
    ReleaseToExternalAgencies,
    Hold,
    LiftHold,
}

/// <summary>A tier as the requisition's page says it: when it first saw the requisition, how many of its agencies, and how.</summary>
public sealed record ReleasedTierView(SupplyAgencyKind Tier, DateTimeOffset? At, int Agencies, ReleaseStepView? First);

/// <summary>One thing that happened to the release: a tier released by the rules (their version) or early (by whom, why), a hold, a hold lifted.</summary>
public sealed record ReleaseStepView(ReleaseStepKind Kind, SupplyAgencyKind? Tier, int Agencies, string By, DateTimeOffset At, string? RuleVersion, string? Reason);

/// <summary>
/// Who may see a requisition: each tier, the steps that released or held it, and what the reader may do now.
/// <paramref name="Version"/> is the release's version (<see cref="SupplierReleaseCommands.NoReleaseYet"/> before it has one), for the forms to be made against.
/// </summary>
public sealed record SupplierReleaseView(
    int Version, bool IsHeld, DateTimeOffset? HeldSince, string? HoldReason, IReadOnlyList<ReleasedTierView> Tiers, IReadOnlyList<ReleaseStepView> Steps,
    IReadOnlyList<ReleaseAction> Actions);

public sealed class SupplierReleaseQueries(IReadRepository<SupplierRelease> releases, ICurrentUser user)
{
    private static readonly SupplyAgencyKind[] Tiers = [SupplyAgencyKind.InHousePool, SupplyAgencyKind.LocalSupportingAgency, SupplyAgencyKind.ExternalAgency];

    /// <summary>The release of a requisition the reader has already been allowed to see.</summary>
    public async Task<SupplierReleaseView> ForAsync(RequisitionView requisition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        var release = await releases.FirstOrDefaultAsync(new SupplierReleaseOfSpec(requisition.Id), cancellationToken);
        var steps = release?.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new ReleaseStepView(s.Kind, s.Tier, s.AgencyCount, s.By, s.At, s.RuleVersion, s.Reason)).ToList() ?? [];
        var tiers = Tiers.Select(tier =>
        {
            var first = steps.FirstOrDefault(s => s.Tier == tier && s.Kind is ReleaseStepKind.Released or ReleaseStepKind.ReleasedEarly);
            return new ReleasedTierView(tier, first?.At, steps.Where(s => s.Tier == tier && s.Kind is ReleaseStepKind.Released or ReleaseStepKind.ReleasedEarly).Sum(s => s.Agencies), first);
        }).ToList();

        var actions = new List<ReleaseAction>();
        var held = release?.IsHeld ?? false;
        if (user.May(Permissions.ReleaseRequisitions))
        {
            var releasable = requisition.Status is RequisitionStatus.Approved or RequisitionStatus.Open && requisition.PositionsFilled < requisition.Positions;
            if (releasable && release?.IsReleasedToTier(SupplyAgencyKind.LocalSupportingAgency) != true) actions.Add(ReleaseAction.ReleaseToLocalAgencies);
            if (releasable && release?.IsReleasedToTier(SupplyAgencyKind.ExternalAgency) != true) actions.Add(ReleaseAction.ReleaseToExternalAgencies);
            if (releasable && !held) actions.Add(ReleaseAction.Hold);
            if (held) actions.Add(ReleaseAction.LiftHold);
        }
        return new SupplierReleaseView(release?.Version ?? SupplierReleaseCommands.NoReleaseYet, held, release?.HeldSince, release?.HoldReason, tiers, steps, actions);
    }
}
