using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.Reports;

/// <summary>How many bookings and extensions the rules refused in a month, by the rule set that refused them.</summary>
public sealed record RefusalMonth(DateOnly Month, IReadOnlyDictionary<string, int> ByRuleSet)
{
    public int Total => ByRuleSet.Values.Sum();

    public int Of(string ruleSet) => ByRuleSet.GetValueOrDefault(ruleSet);
}

/// <summary>A rule that turned changes away in the period: how often, and what it said the last time.</summary>
public sealed record RefusingRule(string RuleSet, string Rule, int Refusals, string LatestMessage);

/// <summary>One refused change, as the refusals CSV lists it.</summary>
public sealed record Refusal(DateTimeOffset At, string RuleSet, RefusedChange Change, int? RequisitionId, int? WorkerId, int? PlacementId, string RuleSetVersion, string Rules, string Messages, string By);

/// <param name="RuleSets">The rule sets counted month by month: every registered one that can refuse a change, and any other that did.</param>
public sealed record RefusalFigures(
    DateOnly From, DateOnly To, int? ServiceAreaId, int Bookings, int Extensions, IReadOnlyList<string> RuleSets, IReadOnlyList<RefusalMonth> ByMonth,
    IReadOnlyList<RefusingRule> ByRule, IReadOnlyList<Refusal> Refusals)
{
    public int Total => Bookings + Extensions;
}

/// <summary>
/// The bookings and extensions the pay-rate and placement-length rules refused over a period, month by month and
/// by the rule that refused them, for the services the reader sees. Each refusal was a recruiter pressing a
/// button, so a year holds thousands at most; the page lists them and the CSV has every one, so they are read once
/// and counted as read (the rules that refused are inside each decision's reasons, kept as JSON, which the
/// database cannot group anyway).
/// </summary>
public sealed class RefusalsReport(IReadRepository<RuleDecision> decisions, IReadRepository<Requisition> requisitions, ReportScope scope, RuleSets.RuleSetModules modules)
{
    public async Task<RefusalFigures> GetAsync(DateOnly from, DateOnly to, int? serviceAreaId, CancellationToken cancellationToken)
    {
        var areaIds = scope.ServiceAreas(serviceAreaId);
        var requisitionIds = areaIds is null ? null : await requisitions.ListAsync(new RequisitionIdsInServicesSpec(areaIds), cancellationToken);
        var (start, end) = UtcDays.Spanning(from, to);
        var refused = (await decisions.ListAsync(new RefusedDecisionsSpec(start, end, requisitionIds), cancellationToken))
            .Select(d => (Decision: d, Rules: d.Reasons.Where(r => !r.Passed && r.Outcome == Refusals.RefusedOutcome).ToList()))
            .ToList();

        // Every rule set that can refuse has its column, and one that refused without saying so is counted too.
        var ruleSets = modules.All.Where(m => m.RefusesChanges).Select(m => m.Name)
            .Concat(refused.Select(r => r.Decision.RuleSet)).Distinct(StringComparer.Ordinal).ToList();
        var months = new List<RefusalMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var (monthStart, monthEnd) = UtcDays.Spanning(month, month.AddMonths(1).AddDays(-1));
            var inMonth = refused.Where(r => r.Decision.DecidedAt >= monthStart && r.Decision.DecidedAt < monthEnd).ToList();
            months.Add(new RefusalMonth(month, ruleSets.ToDictionary(name => name, name => inMonth.Count(r => r.Decision.RuleSet == name), StringComparer.Ordinal)));
        }

        // Newest first, as read: the first message of each rule is what it said the last time.
        var byRule = refused
            .SelectMany(r => r.Rules.Select(rule => (r.Decision.RuleSet, Reason: rule)))
            .GroupBy(r => (r.RuleSet, r.Reason.Rule))
            .Select(g => new RefusingRule(g.Key.RuleSet, g.Key.Rule, g.Count(), g.First().Reason.Message))
            .OrderByDescending(r => r.Refusals).ThenBy(r => r.RuleSet, StringComparer.Ordinal).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();
        var list = refused.Select(r => new Refusal(r.Decision.DecidedAt, r.Decision.RuleSet, r.Decision.Refused!.Value, r.Decision.RequisitionId,
            r.Decision.WorkerId, r.Decision.PlacementId, r.Decision.RuleSetVersion,
            string.Join("; ", r.Rules.Select(rule => rule.Rule)), string.Join(" ", r.Rules.Select(rule => rule.Message)), r.Decision.DecidedBy)).ToList();

        return new RefusalFigures(from, to, scope.ServiceArea(serviceAreaId),
            list.Count(r => r.Change == RefusedChange.Booking), list.Count(r => r.Change == RefusedChange.Extension), ruleSets, months, byRule, list);
    }
}

/// <summary>The decisions that refused a change between two moments, for the given requisitions (null: every one), newest first.</summary>
public sealed class RefusedDecisionsSpec : Specification<RuleDecision>
{
    public RefusedDecisionsSpec(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<int>? requisitionIds)
    {
        Query.Where(d => d.Refused != null && d.DecidedAt >= start && d.DecidedAt < end);
        if (requisitionIds is not null) Query.Where(d => d.RequisitionId != null && requisitionIds.Contains(d.RequisitionId.Value));
        Query.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).AsNoTracking();
    }
}

public sealed class RequisitionIdsInServicesSpec : Specification<Requisition, int>
{
    public RequisitionIdsInServicesSpec(IReadOnlyCollection<int> serviceAreaIds)
    {
        Query.Where(r => serviceAreaIds.Contains(r.ServiceAreaId));
        Query.Select(r => r.Id);
    }
}
