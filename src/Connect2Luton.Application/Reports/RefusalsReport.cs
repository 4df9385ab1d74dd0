using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Reports;

/// <summary>How many bookings and extensions the rules refused in a month, by the rule set that refused them.</summary>
public sealed record RefusalMonth(DateOnly Month, int PayRateCaps, int PlacementLengths)
{
    public int Total => PayRateCaps + PlacementLengths;
}

/// <summary>A rule that turned changes away in the period: how often, and what it said the last time.</summary>
public sealed record RefusingRule(string RuleSet, string Rule, int Refusals, string LatestMessage);

/// <summary>One refused change, as the refusals CSV lists it.</summary>
public sealed record Refusal(DateTimeOffset At, string RuleSet, RefusedChange Change, int? RequisitionId, int? WorkerId, int? PlacementId, string RuleSetVersion, string Rules, string Messages, string By);

public sealed record RefusalFigures(
    DateOnly From, DateOnly To, int? ServiceAreaId, int Bookings, int Extensions, IReadOnlyList<RefusalMonth> ByMonth, IReadOnlyList<RefusingRule> ByRule, IReadOnlyList<Refusal> Refusals)
{
    public int Total => Bookings + Extensions;
}

/// <summary>
/// The bookings and extensions the pay-rate and placement-length rules refused over a period, month by month and
/// by the rule that refused them, for the services the reader sees. Each refusal was a recruiter pressing a
/// button, so a year holds thousands at most: the months and kinds are counted in the database, and the rules
/// are read from the refused decisions themselves (their reasons are kept as JSON, which the database cannot group).
/// </summary>
public sealed class RefusalsReport(IReadRepository<RuleDecision> decisions, IReadRepository<Requisition> requisitions, ReportScope scope)
{
    public async Task<RefusalFigures> GetAsync(DateOnly from, DateOnly to, int? serviceAreaId, CancellationToken cancellationToken)
    {
        var areaIds = scope.ServiceAreas(serviceAreaId);
        var requisitionIds = areaIds is null ? null : await requisitions.ListAsync(new RequisitionIdsInServicesSpec(areaIds), cancellationToken);

        async Task<Dictionary<(string RuleSet, RefusedChange Change), int>> CountAsync(DateOnly start, DateOnly end)
        {
            var (after, before) = UtcDays.Spanning(start, end);
            var groups = await decisions.GroupAsync(
                new RefusalKindsSpec(after, before, requisitionIds),
                r => new { r.RuleSet, r.Change },
                g => new RefusalCount { RuleSet = g.Key.RuleSet, Change = g.Key.Change, Refusals = g.Count() },
                cancellationToken);
            return groups.Where(g => g.Change is not null).ToDictionary(g => (g.RuleSet, g.Change!.Value), g => g.Refusals);
        }

        var months = new List<RefusalMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var counts = await CountAsync(month < from ? from : month, month.AddMonths(1).AddDays(-1) is var last && last > to ? to : last);
            months.Add(new RefusalMonth(month, Of(counts, RuleSetNames.PayRateCaps), Of(counts, RuleSetNames.PlacementLengthLimits)));
        }
        var totals = await CountAsync(from, to);

        var (start, end) = UtcDays.Spanning(from, to);
        var refused = await decisions.ListAsync(new RefusedDecisionsSpec(start, end, requisitionIds), cancellationToken);
        var byRule = refused
            .SelectMany(d => d.Reasons.Where(r => !r.Passed && r.Outcome == Refusals.RefusedOutcome).Select(r => (d.RuleSet, Reason: r)))
            .GroupBy(r => (r.RuleSet, r.Reason.Rule))
            .Select(g => new RefusingRule(g.Key.RuleSet, g.Key.Rule, g.Count(), g.First().Reason.Message))
            .OrderByDescending(r => r.Refusals).ThenBy(r => r.RuleSet, StringComparer.Ordinal).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();
        var list = refused.Select(d =>
        {
            var rules = d.Reasons.Where(r => !r.Passed && r.Outcome == Refusals.RefusedOutcome).ToList();
            return new Refusal(d.DecidedAt, d.RuleSet, d.Refused!.Value, d.RequisitionId, d.WorkerId, d.PlacementId, d.RuleSetVersion,
                string.Join("; ", rules.Select(r => r.Rule)), string.Join(" ", rules.Select(r => r.Message)), d.DecidedBy);
        }).ToList();

        return new RefusalFigures(from, to, scope.ServiceArea(serviceAreaId),
            totals.Where(t => t.Key.Change == RefusedChange.Booking).Sum(t => t.Value),
            totals.Where(t => t.Key.Change == RefusedChange.Extension).Sum(t => t.Value),
            months, byRule, list);
    }

    private static int Of(Dictionary<(string RuleSet, RefusedChange Change), int> counts, string ruleSet) =>
        counts.Where(c => c.Key.RuleSet == ruleSet).Sum(c => c.Value);
}

/// <summary>The decisions that refused a change between two moments, for the given requisitions (null: every one), newest first.</summary>
public sealed class RefusedDecisionsSpec : Specification<RuleDecision>
{
    public RefusedDecisionsSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        RefusalCriteria.Apply(Query, start, end, requisitionIds);
        Query.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).AsNoTracking();
    }
}

/// <summary>The same decisions flat, by rule set and what they refused, to be counted by group.</summary>
public sealed class RefusalKindsSpec : Specification<RuleDecision, RefusalCount>
{
    public RefusalKindsSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        RefusalCriteria.Apply(Query, start, end, requisitionIds);
        Query.Select(d => new RefusalCount { RuleSet = d.RuleSet, Change = d.Refused, Refusals = 1 });
    }
}

internal static class RefusalCriteria
{
    public static void Apply(ISpecificationBuilder<RuleDecision> query, DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        query.Where(d => d.Refused != null && d.DecidedAt >= start && d.DecidedAt < end);
        if (requisitionIds is not null) query.Where(d => d.RequisitionId != null && requisitionIds.Contains(d.RequisitionId.Value));
    }
}

public sealed class RefusalCount
{
    public string RuleSet { get; init; } = string.Empty;
    public RefusedChange? Change { get; init; }
    public int Refusals { get; init; }
}

public sealed class RequisitionIdsInServicesSpec : Specification<Requisition, int>
{
    public RequisitionIdsInServicesSpec(IReadOnlyCollection<int> serviceAreaIds)
    {
        Query.Where(r => serviceAreaIds.Contains(r.ServiceAreaId));
        Query.Select(r => r.Id);
    }
}
