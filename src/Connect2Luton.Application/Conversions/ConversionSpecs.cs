using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Conversions;

/// <summary>The live placements of a batch, as the conversion check reads them: one row each.</summary>
public sealed class ConversionPlacementRowsSpec : Specification<Placement, ConversionPlacementRow>
{
    public ConversionPlacementRowsSpec(Jobs.PlacementRange range, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(range);
        Query.Where(p => p.Id > range.AfterId && p.Id <= range.LastId && p.Status == PlacementStatus.Active && p.StartDate <= today);
        if (range.Due is { } due) Query.Where(p => due.Contains(p.Id));
        Query.Select(p => new ConversionPlacementRow(p.Id, p.WorkerId, p.RequisitionId, p.ServiceAreaId, p.JobRoleId, p.StartDate,
            p.ActualEndDate ?? p.PlannedEndDate, p.Rates.ChargeRate, p.WeeklyHours, p.RateChanges.Any()));
    }
}

public sealed record ConversionPlacementRow(
    int Id, int WorkerId, int RequisitionId, int ServiceAreaId, int JobRoleId, DateOnly StartDate, DateOnly EndDate, decimal ChargeRate, decimal WeeklyHours, bool HasRateChanges)
{
    /// <summary>This placement as the worker's history holds it.</summary>
    public Placements.Flags.PlacementHistoryRow AsHistory => new(Id, WorkerId, JobRoleId, StartDate, EndDate, PlacementStatus.Active);
}

/// <summary>The charge-rate changes of the given placements.</summary>
public sealed class ChargeRateChangesSpec : Specification<PlacementRateChange, ChargeRateChangeRow>
{
    public ChargeRateChangesSpec(IReadOnlyCollection<int> placementIds)
    {
        Query.Where(c => placementIds.Contains(c.PlacementId));
        Query.Select(c => new ChargeRateChangeRow(c.PlacementId, c.EffectiveFrom, c.PreviousChargeRate, c.NewChargeRate));
    }
}

public sealed record ChargeRateChangeRow(int PlacementId, DateOnly EffectiveFrom, decimal PreviousChargeRate, decimal NewChargeRate);

/// <summary>The checks and wishes of the given workers, as the conversion rules read them.</summary>
public sealed class ConversionCandidatesSpec : Specification<Worker, Policies.ConversionCandidate>
{
    public ConversionCandidatesSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(w => ids.Contains(w.Id));
        Query.Select(w => new Policies.ConversionCandidate(w.Id,
            w.RightToWork == null ? null : w.RightToWork.CheckedOn, w.RightToWork == null ? null : w.RightToWork.ExpiresOn,
            w.Dbs == null ? null : w.Dbs.IssuedOn, w.Dbs == null ? null : w.Dbs.StatusCheckedOn,
            w.Registration == null ? null : w.Registration.Body, w.Registration == null ? null : w.Registration.ExpiresOn,
            w.OpenToPermanentJob));
    }
}

/// <summary>Why each of the given requisitions was raised.</summary>
public sealed class RequisitionReasonsSpec : Specification<Requisition, RequisitionReasonRow>
{
    public RequisitionReasonsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(r => ids.Contains(r.Id));
        Query.Select(r => new RequisitionReasonRow(r.Id, r.Reason));
    }
}

public sealed record RequisitionReasonRow(int Id, RequisitionReason Reason);

/// <summary>Where each prompt on the placements of a range stands, as rows.</summary>
public sealed class PromptStatesSpec : Specification<ConversionPrompt, PromptState>
{
    public PromptStatesSpec(Jobs.PlacementRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        Query.Where(c => c.PlacementId > range.AfterId && c.PlacementId <= range.LastId);
        if (range.Due is { } due) Query.Where(c => due.Contains(c.PlacementId));
        Query.Select(c => new PromptState(c.Id, c.PlacementId, c.Status, c.SnoozedUntil));
    }
}

public sealed record PromptState(int Id, int PlacementId, ConversionPromptStatus Status, DateOnly? SnoozedUntil)
{
    public bool IsOpen => ConversionPrompt.IsOpenStatus(Status);

    public bool SnoozeEndsBy(DateOnly today) => ConversionPrompt.SnoozeEnds(Status, SnoozedUntil, today);
}

/// <summary>The given prompts with what has been done about them, for changing.</summary>
public sealed class PromptsByIdSpec : Specification<ConversionPrompt>
{
    public PromptsByIdSpec(IReadOnlyCollection<int> ids) => Query.Where(c => ids.Contains(c.Id)).Include(c => c.Actions);
}

/// <summary>Every prompt ever raised on the given placements, for the nightly review to change.</summary>
public sealed class PromptsForPlacementsSpec : Specification<ConversionPrompt>
{
    public PromptsForPlacementsSpec(IReadOnlyCollection<int> placementIds) =>
        Query.Where(c => placementIds.Contains(c.PlacementId)).Include(c => c.Actions);
}

/// <summary>
/// The prompts after the last placement seen, in placement order, a page at a time, with where each stands. It
/// reads the placement-id index in order and leaves the status to the caller: asked for open prompts only, SQLite
/// chose the status index and sorted every open prompt for each page (the night's tidy over 350,000 prompts took 90 s).
/// </summary>
public sealed class PromptStatesAfterSpec : Specification<ConversionPrompt, PromptState>
{
    public PromptStatesAfterSpec(int afterPlacementId, int take)
    {
        Query.Where(c => c.PlacementId > afterPlacementId).OrderBy(c => c.PlacementId).Take(take);
        Query.Select(c => new PromptState(c.Id, c.PlacementId, c.Status, c.SnoozedUntil));
    }
}

/// <summary>The prompt raised on a placement, in brief.</summary>
public sealed class PromptOnPlacementSpec : Specification<ConversionPrompt, Placements.Details.PromptSummary>
{
    public PromptOnPlacementSpec(int placementId)
    {
        Query.Where(c => c.PlacementId == placementId);
        Query.Select(c => new Placements.Details.PromptSummary(c.Id, c.Status, c.RaisedOn));
    }
}
