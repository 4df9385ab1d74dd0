using System.Globalization;
using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Application.RuleSets.Cases;

/// <summary>
/// The release rules decide each approved or open requisition with workers still to place, once for each kind of
/// agency, as the scheduled release does: "which open requisitions would be released now?".
/// </summary>
public sealed class SupplierReleaseCases(IReadRepository<Requisition> requisitions, ReleaseContexts contexts, ISupplierReleasePolicy policy, ReferenceNames names, TimeProvider clock)
    : IRuleSetCases
{
    private const int Batch = 2_000;

    public string RuleSet => RuleSetNames.SupplierRelease;

    public string ScannedWhat => "decisions for open requisitions (one for each kind of agency)";

    public RealCaseKind RealCases => RealCaseKind.Requisition;

    public async IAsyncEnumerable<WhatIfCase> LiveAsync(DateOnly day, DateOnly? runningOn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await contexts.ReadAsync(Moment(day), cancellationToken);
        var afterId = 0;
        while (true)
        {
            var batch = await requisitions.ListAsync(new ReleasableRequisitionsSpec(afterId, Batch), cancellationToken);
            if (batch.Count == 0) yield break;
            foreach (var requisition in batch)
            {
                var facts = context.FactsOf(requisition);
                foreach (var profile in context.Profiles.All)
                {
                    yield return new WhatIfCase(null, requisition.Id, 0, requisition.JobRoleId,
                        string.Create(CultureInfo.InvariantCulture, $"For {profile.Words}: approved {facts.WorkingDaysSinceApproval} working days ago, starting {requisition.StartDate:d MMMM yyyy}"),
                        PolicyFacts.SupplierRelease(facts, profile.Tier, profile.OnDps, profile.ConfirmsDfeAgencyRules)) { Variant = profile.Key };
                }
            }
            afterId = batch[^1].Id;
        }
    }

    /// <summary>
    /// A requisition's facts as the first kind of agency the serving rules do not release it to yet sees them (the
    /// decision still to come); for one released to every kind, as external agencies see it.
    /// </summary>
    public async Task<RealCaseFacts> RealCaseAsync(RealCase asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.RequisitionId is not > 0) return RealCaseFacts.Refused(RealCaseFacts.Fields.Requisition, "Enter the requisition number, like 12");
        var id = asked.RequisitionId.Value;
        var row = (await requisitions.ListAsync(new ReleasableRequisitionsSpec(0, 1, id), cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(id), cancellationToken);
            return RealCaseFacts.Refused(RealCaseFacts.Fields.Requisition, requisition is null
                ? $"There is no requisition {id}"
                : $"Requisition {id} is {Requisition.DescribeState(requisition.Status)}{(requisition.Status == RequisitionStatus.Open ? " with every position filled" : string.Empty)}: only approved or open requisitions with workers still to place are released");
        }
        var context = await contexts.ReadAsync(clock.GetUtcNow(), cancellationToken);
        var decisions = await context.DecideAsync(policy, row, cancellationToken);
        var (profile, _) = decisions.ByProfile.FirstOrDefault(p => !p.Decision.Releases) is { Profile: not null } waiting ? waiting : decisions.ByProfile[^1];
        var role = (await names.JobRolesAsync(cancellationToken)).SingleOrDefault(r => r.Id == row.JobRoleId)?.Title ?? "?";
        return RealCaseFacts.Of(PolicyFacts.SupplierRelease(context.FactsOf(row), profile.Tier, profile.OnDps, profile.ConfirmsDfeAgencyRules),
            $"requisition {row.Id} ({role}) for {profile.Words}");
    }

    // A day decided as on: now, or that day at this time of day in Luton.
    private DateTimeOffset Moment(DateOnly day)
    {
        var now = clock.GetUtcNow();
        if (day == clock.Today()) return now;
        var local = day.ToDateTime(TimeOnly.FromDateTime(UkClock.InUk(now).DateTime));
        return new DateTimeOffset(local, UkClock.Zone.GetUtcOffset(local));
    }
}
