using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Caching;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Shortlists;

/// <summary>
/// A requisition's shortlist, and every worker in the role's job family ranked by the local-candidate preference
/// rules: those who can be engaged and are free first, then by points, then by name. The ranked pool is kept by
/// <see cref="ShortlistPools"/>, which brings it up to date as workers change without ranking it all again.
/// </summary>
public sealed class ShortlistQueries(
    IReadRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<Placement> placements,
    ReferenceNames names,
    ShortlistPools pools,
    ShortlistRanking ranking,
    BookedWorkers busy,
    IRuleSetCatalogue catalogue,
    ChangeCounters changes,
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

        // Ranking a family's pool runs the rules for every worker in it, so the ranked pool is kept and brought up to
        // date; who is booked on the requisition's dates is kept until a placement changes.
        // The rules are loaded first (once, at the first request), so the pool is ranked under the version that serves.
        await catalogue.LoadedAsync(cancellationToken);
        var rules = catalogue.Current.FirstOrDefault(r => r.Name == RuleSetNames.LocalCandidatePreference)?.ServingVersion;
        var basis = string.Create(CultureInfo.InvariantCulture, $"{rules}|{today:yyyy-MM-dd}|{changes.Of<SupplyAgency>()}");
        var pool = await pools.GetAsync(new PoolRequest(role.JobFamily, isDfeRole, basis, today, soon, suppliers), ranking, cancellationToken);
        var booked = (await busy.GetAsync(requisition.StartDate, requisition.EndDate, placements, cancellationToken)).Workers;

        var onList = requisition.Shortlist.Where(e => e.Status != ShortlistEntryStatus.Removed).Select(e => e.WorkerId).ToHashSet();
        var total = ShortlistOrder.Count(pool, onList);
        var pageCount = Math.Max(1, (total + page.Size - 1) / page.Size);
        var pageNumber = Math.Min(page.Page, pageCount);
        var candidates = ShortlistOrder.Page(pool.Candidates, onList, booked, (pageNumber - 1) * page.Size, page.Size)
            .Select(c => (Candidate: c, Dbs: Shortfall(c.Row, role, requisition.StartDate)))
            .Select(c => new RankedCandidate(c.Candidate.Row.Id, c.Candidate.Row.Name, c.Candidate.Row.Postcode, c.Candidate.Supplier, c.Candidate.Decision.Tier,
                c.Candidate.Decision.Points, c.Candidate.Eligible, c.Candidate.Decision.Details.Rules.Where(r => r.Passed).Select(r => r.Message).ToList(),
                c.Candidate.Decision.Ineligibilities.ToList(), c.Candidate.ChecksNeedAttention || c.Dbs is not null, booked.Contains(c.Candidate.Row.Id), c.Dbs))
            .ToList();

        var byId = pool.ById;
        var shortlisted = requisition.Shortlist
            .Where(e => e.Status != ShortlistEntryStatus.Removed)
            .OrderByDescending(e => e.PreferencePoints).ThenBy(e => e.AddedAt)
            .Select(e => Shortlisted(e, byId.GetValueOrDefault(e.WorkerId)?.Row, role, suppliers, soon, requisition.StartDate))
            .ToList();
        await FillMissingAsync(shortlisted, requisition, role, suppliers, soon, cancellationToken);
        // One placed here is booked by this requisition; one still only shortlisted and booked is booked elsewhere.
        shortlisted = shortlisted.Select(w => w.Status == ShortlistEntryStatus.Shortlisted && booked.Contains(w.WorkerId) ? w with { BookedElsewhere = true } : w).ToList();

        return new ShortlistView(
            requisition.Id, requisition.Version, requisition.Title, area.Name, role.Title, isDfeRole, requisition.Status,
            requisition.StartDate, requisition.EndDate,
            requisition.Status == RequisitionStatus.Open && user.May(Permissions.ManagePlacements),
            shortlisted, candidates, pageNumber, pageCount, total);
    }

    // Workers on the list who are no longer active (converted, left the pool) are still shown, read separately.
    private async Task FillMissingAsync(List<ShortlistedWorker> shortlisted, Requisition requisition, JobRoleSummary role, Dictionary<int, SupplyAgencies.SupplyAgencySummary> suppliers, DateOnly soon, CancellationToken cancellationToken)
    {
        for (var i = 0; i < shortlisted.Count; i++)
        {
            if (shortlisted[i].Name.Length > 0) continue;
            var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(shortlisted[i].WorkerId), cancellationToken);
            if (worker is null) continue;
            var entry = requisition.Shortlist.Single(e => e.WorkerId == worker.Id);
            shortlisted[i] = Shortlisted(entry, new CandidateRow(worker.Id, worker.FullName, worker.LastName, worker.Postcode, worker.PostcodeDistrict,
                worker.SupplyAgencyId, worker.PreviousCouncil, worker.PreviousCouncilRegion, worker.LeftPermanentCouncilPostOn, worker.QualifiedOn,
                worker.RightToWork?.ExpiresOn, worker.RightToWork is not null, worker.Dbs is not null, worker.Registration?.ExpiresOn, worker.Registration is not null,
                worker.Dbs?.Level, worker.Version, worker.Registration?.Body), role, suppliers, soon, requisition.StartDate);
        }
    }

    private static ShortlistedWorker Shortlisted(
        ShortlistEntry entry, CandidateRow? worker, JobRoleSummary role, Dictionary<int, SupplyAgencies.SupplyAgencySummary> suppliers, DateOnly soon, DateOnly start)
    {
        var dbs = worker is null ? null : Shortfall(worker, role, start);
        return new(entry.WorkerId, worker?.Name ?? string.Empty, worker?.Postcode ?? string.Empty,
            worker is null ? string.Empty : suppliers.GetValueOrDefault(worker.SupplyAgencyId)?.Name ?? "?",
            entry.LocalTier, entry.PreferencePoints, entry.Status, entry.AddedBy, entry.AddedAt,
            entry.Decision?.Reasons.Where(r => r.Passed).Select(r => r.Message).ToList() ?? [], entry.Decision?.RuleSetVersion,
            worker is not null && (NeedsAttention(worker, soon) || dbs is not null), dbs);
    }

    internal static bool NeedsAttention(CandidateRow row, DateOnly soon) =>
        !row.HasRightToWork || row.RightToWorkExpiresOn <= soon || !row.HasDbs || (row.HasRegistration && row.RegistrationExpiresOn <= soon);

    // The pool is ranked once for a job family, whose roles need different registrations and DBS levels: the worker's
    // are held to this requisition's role here, as a booking into it would (refusing the wrong registration, warning
    // of a DBS certificate below the role's), rather than in the ranking kept for the family.
    // A permission to work or a registration ending before the requisition starts would refuse the booking too.
    private static string? Shortfall(CandidateRow row, JobRoleSummary role, DateOnly start) =>
        BookingCompliance.RegistrationShortfall(row.Name, row.RegistrationBody, role.Title, role.RequiredRegistration)
        ?? BookingCompliance.PermissionEndsBefore(row.Name, row.RightToWorkExpiresOn, start)
        ?? BookingCompliance.RegistrationEndsBefore(row.Name, row.RegistrationExpiresOn, role.RequiredRegistration, start)
        ?? BookingCompliance.DbsShortfall(row.Name, row.DbsLevel, role.Title, role.RequiredDbsLevel);
}

/// <summary>A worker in a job family's pool, ranked by the preference rules; whether they can be engaged is read once, when ranked.</summary>
public sealed record PooledCandidate(CandidateRow Row, string Supplier, LocalPreferenceDecision Decision, bool Eligible, bool ChecksNeedAttention);
