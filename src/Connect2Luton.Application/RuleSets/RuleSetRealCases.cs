using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
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
/// a placement or a candidate they know rather than on one made up. Each is built by what decides it: a placement's
/// rates as booked, its length and AWR clock and its worker's unbroken run read by the same readers the nightly
/// checks use (on a range of one placement), a candidate as the shortlist ranks them.
/// </summary>
public sealed class RuleSetRealCases(
    IReadRepository<Placement> placements,
    IReadRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    ReferenceNames names,
    LiveLengthFacts lengthFacts,
    LiveConversionFacts conversionFacts,
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
                var live = await lengthFacts.ReadAsync(PlacementRange.Only(placement.Id), today, cancellationToken);
                return live.Count == 0
                    ? RealCaseFacts.Refused(Fields.Placement, $"Placement {placement.Id} is not live today ({placement.Status}): the length rules decide live placements")
                    : RealCaseFacts.Of(live[0].Facts, describes);
            }
            case RuleSetNames.PermanentConversionEligibility:
            {
                var range = PlacementRange.Only(placement.Id);
                var live = await conversionFacts.LiveAsync(range, today, cancellationToken);
                if (live.Count == 0)
                    return RealCaseFacts.Refused(Fields.Placement, $"Placement {placement.Id} is not live today ({placement.Status}): only live placements are checked for conversion");
                var decided = await conversionFacts.ReadAsync(range, live, live, today, cancellationToken);
                var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken);
                return RealCaseFacts.Of(decided[0].Facts, $"placement {placement.Id} ({worker?.FullName}, {role.Title})");
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
