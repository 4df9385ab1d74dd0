using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.RuleSets.Cases;

/// <summary>The preference rules rank each worker shortlisted for an open requisition, as the shortlist does.</summary>
public sealed class LocalPreferenceCases(
    LivePlacementCases live, IReadRepository<Requisition> requisitions, IReadRepository<Worker> workers, IReadRepository<JobRole> jobRoles, ReferenceNames names, TimeProvider clock)
    : IRuleSetCases
{
    private const int Batch = 2_000;

    public string RuleSet => RuleSetNames.LocalCandidatePreference;

    public string ScannedWhat => "shortlisted workers on open requisitions";

    public RealCaseKind RealCases => RealCaseKind.Candidate;

    public async IAsyncEnumerable<WhatIfCase> LiveAsync(DateOnly day, DateOnly? runningOn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).ToDictionary(r => r.Id);
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id);
        var open = await requisitions.ListAsync(new OpenRequisitionShortlistsSpec(), cancellationToken);
        foreach (var chunk in open.SelectMany(r => r.Shortlist.Where(e => e.Status == ShortlistEntryStatus.Shortlisted).Select(e => (Requisition: r, Entry: e))).Chunk(Batch))
        {
            var people = (await workers.ListAsync(new ShortlistedWorkersSpec(chunk.Select(c => c.Entry.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id);
            foreach (var (requisition, entry) in chunk)
            {
                if (!people.TryGetValue(entry.WorkerId, out var worker)) continue;
                var supplier = agencies[worker.SupplyAgencyId];
                var facts = PolicyFacts.LocalPreference(ShortlistCandidate.Of(worker, supplier), roles[requisition.JobRoleId].DfeRoleType is not null, day);
                yield return new WhatIfCase(null, requisition.Id, worker.Id, requisition.JobRoleId,
                    $"Requisition {requisition.Id}, {worker.PostcodeDistrict}, {supplier.Name}", facts);
            }
        }
    }

    public async Task<RealCaseFacts> RealCaseAsync(RealCase asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.RequisitionId is not > 0) return RealCaseFacts.Refused(RealCaseFacts.Fields.Requisition, "Enter the requisition number, like 12");
        if (asked.WorkerId is not > 0) return RealCaseFacts.Refused(RealCaseFacts.Fields.Worker, "Enter the worker number, like 340");
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithHistorySpec(asked.RequisitionId.Value), cancellationToken);
        if (requisition is null) return RealCaseFacts.Refused(RealCaseFacts.Fields.Requisition, $"There is no requisition {asked.RequisitionId}");
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(asked.WorkerId.Value), cancellationToken);
        if (worker is null) return RealCaseFacts.Refused(RealCaseFacts.Fields.Worker, $"There is no worker {asked.WorkerId}");
        var role = await live.RoleAsync(requisition.JobRoleId, cancellationToken);
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == worker.SupplyAgencyId);
        return RealCaseFacts.Of(PolicyFacts.LocalPreference(ShortlistCandidate.Of(worker, supplier), role.DfeRoleType is not null, clock.Today()),
            $"{worker.FullName} for requisition {requisition.Id} ({role.Title})");
    }
}
