using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Conversions;

/// <summary>Placements with their rate history, for pricing (not changing).</summary>
public sealed class PlacementsWithRatesSpec : Specification<Placement>
{
    public PlacementsWithRatesSpec(IReadOnlyCollection<int> ids) =>
        Query.Where(p => ids.Contains(p.Id)).Include(p => p.RateChanges).AsNoTracking();
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

/// <summary>The given workers, for reading.</summary>
public sealed class WorkersSpec : Specification<Worker>
{
    public WorkersSpec(IReadOnlyCollection<int> ids) => Query.Where(w => ids.Contains(w.Id)).AsNoTracking();
}

/// <summary>Every prompt ever raised on the given placements, for the nightly review to change.</summary>
public sealed class PromptsForPlacementsSpec : Specification<ConversionPrompt>
{
    public PromptsForPlacementsSpec(IReadOnlyCollection<int> placementIds) =>
        Query.Where(c => placementIds.Contains(c.PlacementId)).Include(c => c.Actions);
}

/// <summary>The placements that have an open prompt, in id order after the last seen, a page at a time.</summary>
public sealed class PromptedPlacementIdsAfterSpec : Specification<ConversionPrompt, int>
{
    public PromptedPlacementIdsAfterSpec(int afterId, int take)
    {
        Query.Where(c => c.PlacementId > afterId
                && (c.Status == ConversionPromptStatus.Open || c.Status == ConversionPromptStatus.OfferMade || c.Status == ConversionPromptStatus.Snoozed))
            .OrderBy(c => c.PlacementId).Take(take);
        Query.Select(c => c.PlacementId);
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
