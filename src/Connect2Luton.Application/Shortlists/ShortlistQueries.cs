using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Shortlists;

/// <summary>
/// A requisition's shortlist, and every worker in the role's job family ranked by the local-candidate preference
/// rules: eligible first, then by points, then by name. Ranking runs the rules for each worker, so the list is
/// what the rules say today.
/// </summary>
public sealed class ShortlistQueries(
    IReadRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<Placement> placements,
    ReferenceNames names,
    ILocalPreferencePolicy preference,
    RequisitionPermissions permissions,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<ShortlistView?> GetAsync(int requisitionId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithShortlistSpec(requisitionId, forUpdate: false), cancellationToken);
        if (requisition is null || !permissions.CanSee(requisition)) return null;

        var today = clock.Today();
        var soon = today.AddDays(WorkerCompliance.WindowDays);
        var role = (await names.JobRolesAsync(cancellationToken)).Single(r => r.Id == requisition.JobRoleId);
        var area = (await names.ServiceAreasAsync(cancellationToken)).Single(a => a.Id == requisition.ServiceAreaId);
        var suppliers = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id);
        var isDfeRole = role.DfeRoleType is not null;

        var candidates = await workers.ListAsync(new ShortlistCandidatesSpec(role.JobFamily), cancellationToken);
        var booked = (await placements.ListAsync(new WorkersBookedBetweenSpec(requisition.StartDate, requisition.EndDate), cancellationToken)).ToHashSet();
        var onList = requisition.Shortlist.Where(e => e.Status != ShortlistEntryStatus.Removed).Select(e => e.WorkerId).ToHashSet();
        var byId = candidates.ToDictionary(c => c.Id);

        var ranked = new List<RankedCandidate>(candidates.Count);
        foreach (var candidate in candidates.Where(c => !onList.Contains(c.Id)))
        {
            var supplier = suppliers[candidate.SupplyAgencyId];
            var decision = await preference.DecideAsync(PolicyFacts.LocalPreference(
                new ShortlistCandidate(candidate.Id, candidate.PostcodeDistrict, supplier.Kind, supplier.IsLocal, candidate.PreviousCouncil,
                    candidate.PreviousCouncilRegion, candidate.LeftCouncilPostOn, candidate.QualifiedOn), isDfeRole, today), cancellationToken);
            ranked.Add(new RankedCandidate(candidate.Id, candidate.Name, candidate.Postcode, supplier.Name, decision.Tier, decision.Points, decision.Eligible,
                decision.Details.Rules.Where(r => r.Passed).Select(r => r.Message).ToList(),
                decision.Ineligibilities.ToList(), NeedsAttention(candidate, soon), booked.Contains(candidate.Id)));
        }
        var order = ranked
            .OrderByDescending(c => c.Eligible && !c.Booked)
            .ThenByDescending(c => c.Points)
            .ThenBy(c => byId[c.WorkerId].LastName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.WorkerId)
            .ToList();
        var pageCount = Math.Max(1, (order.Count + page.Size - 1) / page.Size);
        var pageNumber = Math.Min(page.Page, pageCount);

        var shortlisted = requisition.Shortlist
            .Where(e => e.Status != ShortlistEntryStatus.Removed)
            .OrderByDescending(e => e.PreferencePoints).ThenBy(e => e.AddedAt)
            .Select(e => Shortlisted(e, byId.GetValueOrDefault(e.WorkerId), suppliers, soon))
            .ToList();
        await FillMissingAsync(shortlisted, requisition, suppliers, soon, cancellationToken);

        return new ShortlistView(
            requisition.Id, requisition.Version, requisition.Title, area.Name, role.Title, isDfeRole, requisition.Status,
            requisition.StartDate, requisition.EndDate,
            requisition.Status == RequisitionStatus.Open && (user.IsInRole(Roles.Recruiter) || user.IsInRole(Roles.Admin)),
            shortlisted, order.Skip((pageNumber - 1) * page.Size).Take(page.Size).ToList(), pageNumber, pageCount, order.Count);
    }

    // Workers on the list who are no longer active (converted, left the pool) are still shown, read separately.
    private async Task FillMissingAsync(List<ShortlistedWorker> shortlisted, Requisition requisition, Dictionary<int, SupplyAgencies.SupplyAgencySummary> suppliers, DateOnly soon, CancellationToken cancellationToken)
    {
        for (var i = 0; i < shortlisted.Count; i++)
        {
            if (shortlisted[i].Name.Length > 0) continue;
            var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(shortlisted[i].WorkerId), cancellationToken);
            if (worker is null) continue;
            var entry = requisition.Shortlist.Single(e => e.WorkerId == worker.Id);
            shortlisted[i] = Shortlisted(entry, new CandidateRow(worker.Id, worker.FullName, worker.LastName, worker.Postcode, worker.PostcodeDistrict,
                worker.SupplyAgencyId, worker.PreviousCouncil, worker.PreviousCouncilRegion, worker.LeftPermanentCouncilPostOn, worker.QualifiedOn,
                worker.RightToWork?.ExpiresOn, worker.RightToWork is not null, worker.Dbs is not null, worker.Registration?.ExpiresOn, worker.Registration is not null),
                suppliers, soon);
        }
    }

    private static ShortlistedWorker Shortlisted(ShortlistEntry entry, CandidateRow? worker, Dictionary<int, SupplyAgencies.SupplyAgencySummary> suppliers, DateOnly soon) =>
        new(entry.WorkerId, worker?.Name ?? string.Empty, worker?.Postcode ?? string.Empty,
            worker is null ? string.Empty : suppliers.GetValueOrDefault(worker.SupplyAgencyId)?.Name ?? "?",
            entry.LocalTier, entry.PreferencePoints, entry.Status, entry.AddedBy, entry.AddedAt,
            entry.Decision?.Reasons.Where(r => r.Passed).Select(r => r.Message).ToList() ?? [], entry.Decision?.RuleSetVersion,
            worker is not null && NeedsAttention(worker, soon));

    private static bool NeedsAttention(CandidateRow row, DateOnly soon) =>
        !row.HasRightToWork || row.RightToWorkExpiresOn <= soon || !row.HasDbs || (row.HasRegistration && row.RegistrationExpiresOn <= soon);
}
