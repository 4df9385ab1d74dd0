using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Details;

/// <summary>A placement's page. A hiring manager sees their own service's placements only.</summary>
public sealed class PlacementDetailsQueries(
    IReadRepository<Placement> placements,
    IReadRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<RuleDecision> decisions,
    IReadRepository<PlacementFlag> flags,
    IReadRepository<Domain.Conversions.ConversionPrompt> prompts,
    AwrPositions awrPositions,
    Timesheets.AwrParity parity,
    ReferenceNames names,
    DataScope scope,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<PlacementView?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(id, forUpdate: false), cancellationToken);
        if (placement is null || !CanSee(placement)) return null;

        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken);
        var requisition = await requisitions.FirstOrDefaultAsync(new Requisitions.RequisitionWithHistorySpec(placement.RequisitionId), cancellationToken);
        var earlier = await decisions.ListAsync(new DecisionsBeforeBookingSpec(placement.RequisitionId, placement.WorkerId), cancellationToken);
        var raised = await flags.ListAsync(new PlacementFlagsSpec(placement.Id), cancellationToken);
        var area = (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.ServiceAreaId)?.Name ?? "?";
        var role = (await names.JobRolesAsync(cancellationToken)).FirstOrDefault(r => r.Id == placement.JobRoleId)?.Title ?? "?";
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.SupplyAgencyId)?.Name ?? "?";
        var today = clock.Today();
        var breaks = await workers.FirstOrDefaultAsync(new WorkersWithBreaksSpec([placement.WorkerId]), cancellationToken);
        var awr = await awrPositions.OnAsync(placement.WorkerId, placement.JobRoleId, placement.EndDate < today ? placement.EndDate : today, null, cancellationToken);
        var prompt = await prompts.FirstOrDefaultAsync(new Conversions.PromptOnPlacementSpec(placement.Id), cancellationToken);
        // Asked of the rules only where the nightly check flagged it (the asking takes many decisions), and asked
        // again now: the flag's figures are the night's.
        var parityDue = raised.Any(f => f.Kind == PlacementFlagKind.PayParityDue && f.IsOpen) && placement.Status is PlacementStatus.Active or PlacementStatus.Ended
            ? await parity.DueAsync(placement, cancellationToken)
            : null;

        return new PlacementView(
            placement.Id, placement.Version, placement.Status, placement.WorkerId, worker?.FullName ?? "?", supplier,
            placement.RequisitionId, requisition?.Title ?? "?", area, role, placement.Rates, placement.WeeklyHours,
            placement.StartDate, placement.PlannedEndDate, placement.ActualEndDate, placement.EndReason,
            placement.BookedBy, placement.BookedAt, placement.EndedBy, placement.EndedAt,
            placement.Status is PlacementStatus.AwaitingSignOff or PlacementStatus.Cancelled
                ? 0
                : PlacementCalendar.WeeksSpanned(placement.StartDate, placement.EndDate < today ? placement.EndDate : today),
            placement.Extensions.OrderBy(e => e.RecordedAt)
                .Select(e => new ExtensionView(e.PreviousEndDate, e.NewEndDate, e.Reason, e.ApprovedBy, e.RecordedBy, e.RecordedAt, e.DecisionId, e.Status,
                    e.BeyondLengthLimit ? Reports.CapSignatures.InWords(Signatures(placement, s => s.ExtensionId == e.Id), "Signed off before sign-offs were given in the app") : null)).ToList(),
            placement.CapExceptions.OrderBy(c => c.RecordedAt)
                .Select(c => new CapExceptionView(c.PayRate, c.ChargeRate, c.Cap, c.Measured, Reports.CapSignatures.InWords(Signatures(placement, s => s.CapExceptionId == c.Id), c.Approvers),
                    c.Reason, c.RecordedBy, c.RecordedAt, c.DecisionId)).ToList(),
            placement.RateChanges.OrderBy(c => c.RecordedAt)
                .Select(c => new RateChangeView(c.PreviousPayRate, c.NewPayRate, c.PreviousChargeRate, c.NewChargeRate, c.EffectiveFrom, c.Reason, c.RecordedBy, c.RecordedAt)).ToList(),
            placement.Decisions.Concat(earlier)
                .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
                .Select(d => new DecisionView(d.Id, d.RuleSet, d.RuleSetVersion, d.Outcome, d.DecidedBy, d.DecidedAt, d.Reasons, d.InputsJson)).ToList(),
            raised.Select(f => new FlagView(f.Kind, f.Message, f.RaisedOn, f.ResolvedOn, f.Resolution)).ToList(),
            placement.Status == PlacementStatus.Active && user.May(Permissions.ManagePlacements),
            awr,
            (breaks?.Breaks ?? []).OrderByDescending(b => b.From).Select(b => new BreakView(b.Id, b.From, b.To, b.Reason, b.Note, b.RecordedBy)).ToList(),
            prompt,
            placement.SignOffs.OrderBy(s => s.Id).Select(s => new PlacementSignOffView(s.Id, s.Subject, s.Position, s.State, s.DecidedByName, s.DecidedAt, s.Note,
                placement.Extensions.FirstOrDefault(e => e.Id == s.ExtensionId)?.NewEndDate)).ToList(),
            placement.Status == PlacementStatus.AwaitingSignOff && user.May(Permissions.ManagePlacements),
            placement.ExternalReference,
            parityDue);
    }

    private static IEnumerable<Reports.CapSignature> Signatures(Placement placement, Func<SignOff, bool> about) =>
        placement.SignOffs.Where(about).OrderBy(s => s.Id).Select(s => new Reports.CapSignature(s.CapExceptionId ?? 0, s.Position, s.State, s.DecidedByName, s.DecidedAt));

    private bool CanSee(Placement placement) =>
        scope.Sees(placement.ServiceAreaId);
}
