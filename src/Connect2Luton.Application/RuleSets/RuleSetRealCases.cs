using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.RuleSets;

/// <summary>The facts of a real case, or why there are none; <see cref="Field"/> names the field the problem is about.</summary>
public sealed record RealCaseFacts(object? Facts, string? Field, string? Problem, string? Describes)
{
    public static RealCaseFacts Of(object facts, string describes) => new(facts, null, null, describes);

    public static RealCaseFacts Refused(string field, string problem) => new(null, field, problem, null);
}

/// <summary>
/// The facts a rule set would be given today about a real case from the database, so an officer can try a draft on
/// a placement or a candidate they know rather than on one made up. Each is built as the use case that decides it
/// builds it: a placement's rates as booked, its length and AWR clock as the nightly check counts them, a worker's
/// continuous run as the conversion check counts it, a candidate as the shortlist ranks them.
/// </summary>
public sealed class RuleSetRealCases(
    IReadRepository<Placement> placements,
    IReadRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    ReferenceNames names,
    AwrPositions awrPositions,
    IConversionPolicy conversions,
    TimeProvider clock)
{
    public static class Fields
    {
        public const string Placement = "PlacementId";
        public const string Requisition = "RequisitionId";
        public const string Worker = "WorkerId";
    }

    /// <summary>Local-candidate preference ranks a worker for a requisition; the other three decide a placement.</summary>
    public static bool TakesACandidate(string ruleSet) => ruleSet == RuleSetNames.LocalCandidatePreference;

    public async Task<RealCaseFacts> ForPlacementAsync(string ruleSet, int? placementId, CancellationToken cancellationToken)
    {
        if (placementId is not > 0) return RealCaseFacts.Refused(Fields.Placement, "Enter the placement number, like 1024");
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(placementId.Value, forUpdate: false), cancellationToken);
        if (placement is null) return RealCaseFacts.Refused(Fields.Placement, $"There is no placement {placementId}");
        var role = await RoleAsync(placement.JobRoleId, cancellationToken);
        var today = clock.Today();
        var describes = $"placement {placement.Id} ({role.Title})";

        switch (ruleSet)
        {
            case RuleSetNames.PayRateCaps:
            {
                var area = (await names.ServiceAreasAsync(cancellationToken)).Single(a => a.Id == placement.ServiceAreaId);
                var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == placement.SupplyAgencyId);
                return RealCaseFacts.Of(PolicyFacts.PayRate(role, area.IsChildrensServices, supplier.Kind, placement.Rates, placement.WeeklyHours, today), describes);
            }
            case RuleSetNames.PlacementLengthLimits:
            {
                if (!placement.IsLiveOn(today))
                    return RealCaseFacts.Refused(Fields.Placement, $"Placement {placement.Id} is not live today ({placement.Status}): the length rules decide live placements");
                var awr = await awrPositions.OnAsync(placement.WorkerId, placement.JobRoleId, today, null, cancellationToken);
                return RealCaseFacts.Of(PolicyFacts.Live(role, placement.StartDate, placement.PlannedEndDate, today, awr.Weeks, placement.ApprovedBeyondLengthLimit), describes);
            }
            case RuleSetNames.PermanentConversionEligibility:
            {
                if (!placement.IsLiveOn(today))
                    return RealCaseFacts.Refused(Fields.Placement, $"Placement {placement.Id} is not live today ({placement.Status}): only live placements are checked for conversion");
                var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(placement.RequisitionId), cancellationToken)
                    ?? throw new InvalidOperationException($"Placement {placement.Id} names a requisition that is not there.");
                var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken)
                    ?? throw new InvalidOperationException($"Placement {placement.Id} names a worker who is not there.");
                var terms = await conversions.TermsAsync(cancellationToken);
                // Everything the worker has had with the council, this placement included, as the nightly check reads it.
                var history = await placements.ListAsync(new PlacementHistoryOfWorkersSpec([placement.WorkerId], new Jobs.PlacementRange(0, 0), today), cancellationToken);
                var since = ConversionPromptReview.ContinuousSince(history, placement.Id, placement.StartDate, terms.ContinuityGapDays);
                return RealCaseFacts.Of(PolicyFacts.Conversion(requisition, worker, role, since, today), $"placement {placement.Id} ({worker.FullName}, {role.Title})");
            }
            default:
                return RealCaseFacts.Refused(Fields.Placement, "This rule set does not decide placements");
        }
    }

    public async Task<RealCaseFacts> ForCandidateAsync(int? requisitionId, int? workerId, CancellationToken cancellationToken)
    {
        if (requisitionId is not > 0) return RealCaseFacts.Refused(Fields.Requisition, "Enter the requisition number, like 12");
        if (workerId is not > 0) return RealCaseFacts.Refused(Fields.Worker, "Enter the worker number, like 340");
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(requisitionId.Value), cancellationToken);
        if (requisition is null) return RealCaseFacts.Refused(Fields.Requisition, $"There is no requisition {requisitionId}");
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId.Value), cancellationToken);
        if (worker is null) return RealCaseFacts.Refused(Fields.Worker, $"There is no worker {workerId}");
        var role = await RoleAsync(requisition.JobRoleId, cancellationToken);
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == worker.SupplyAgencyId);
        return RealCaseFacts.Of(PolicyFacts.LocalPreference(ShortlistCandidate.Of(worker, supplier), role.DfeRoleType is not null, clock.Today()),
            $"{worker.FullName} for requisition {requisition.Id} ({role.Title})");
    }

    private async Task<JobRole> RoleAsync(int id, CancellationToken cancellationToken) =>
        (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).SingleOrDefault(r => r.Id == id)
        ?? throw new InvalidOperationException($"Role {id} is not there.");
}
