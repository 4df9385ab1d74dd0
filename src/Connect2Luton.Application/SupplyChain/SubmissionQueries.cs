using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>A submission as the agency that made it sees it: its own candidate, the role, where it stands and why.</summary>
public sealed record AgencySubmission(
    int Id, int Version, int RequisitionId, string RequisitionTitle, int WorkerId, string Candidate, DateTimeOffset SubmittedAt,
    SubmissionStatus Status, string? Reason, DateTimeOffset? DecidedAt)
{
    public bool CanWithdraw => Status is SubmissionStatus.Received or SubmissionStatus.Shortlisted;
}

/// <summary>A submission as the recruiter sees it on the shortlist: the candidate, who put them forward, from which tier.</summary>
public sealed record PutForward(
    int Id, int Version, int WorkerId, string Candidate, string PostcodeDistrict, string Agency, SupplyAgencyKind Tier, DateTimeOffset SubmittedAt,
    SubmissionStatus Status, string? Reason);

public sealed class SubmissionQueries(
    IReadRepository<Submission> submissions,
    IReadRepository<Worker> workers,
    IReadRepository<Domain.Requisitions.Requisition> requisitions,
    IReadRepository<Domain.SupplyAgencies.SupplyAgency> agencies,
    ReferenceNames names,
    DataScope scope)
{
    /// <summary>The user's agency's submissions, newest first; for one requisition if given. Null for a user who acts for no agency.</summary>
    public async Task<PagedResult<AgencySubmission>?> OfAgencyAsync(int? requisitionId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (scope.OnlySupplyAgency is not { } agency) return null;
        if (!await agencies.AnyAsync(new ActiveAgencySpec(agency), cancellationToken)) return new PagedResult<AgencySubmission>([], page.Page, page.Size, 0);
        var total = await submissions.CountAsync(new AgencySubmissionsSpec(agency, requisitionId), cancellationToken);
        page = page.Within(total);
        var rows = await submissions.ListAsync(new AgencySubmissionsSpec(agency, requisitionId, page.Skip, page.Size), cancellationToken);
        var people = await NamesAsync(rows.Select(r => r.WorkerId), cancellationToken);
        var titles = (await requisitions.ListAsync(new RequisitionTitlesSpec(rows.Select(r => r.RequisitionId).Distinct().ToList()), cancellationToken))
            .ToDictionary(t => t.Id, t => t.Title);
        return new PagedResult<AgencySubmission>(rows.Select(s => new AgencySubmission(s.Id, s.Version, s.RequisitionId, titles.GetValueOrDefault(s.RequisitionId, "?"),
            s.WorkerId, people.GetValueOrDefault(s.WorkerId)?.Name ?? "?", s.SubmittedAt, s.Status, s.Reason, s.DecidedAt)).ToList(), page.Page, page.Size, total);
    }

    /// <summary>One of the user's agency's submissions; null for anyone else's.</summary>
    public async Task<AgencySubmission?> OneOfAgencyAsync(int id, CancellationToken cancellationToken)
    {
        if (scope.OnlySupplyAgency is not { } agency || !await agencies.AnyAsync(new ActiveAgencySpec(agency), cancellationToken)) return null;
        var submission = await submissions.FirstOrDefaultAsync(new SubmissionByIdSpec(id, forUpdate: false), cancellationToken);
        if (submission is null || submission.SupplyAgencyId != agency) return null;
        var name = (await NamesAsync([submission.WorkerId], cancellationToken)).GetValueOrDefault(submission.WorkerId)?.Name ?? "?";
        var title = (await requisitions.ListAsync(new RequisitionTitlesSpec([submission.RequisitionId]), cancellationToken)).FirstOrDefault()?.Title ?? "?";
        return new AgencySubmission(submission.Id, submission.Version, submission.RequisitionId, title, submission.WorkerId, name,
            submission.SubmittedAt, submission.Status, submission.Reason, submission.DecidedAt);
    }

    /// <summary>Every agency's candidates for a requisition the recruiter sees, oldest first (the first put forward owns the candidate).</summary>
    public async Task<IReadOnlyList<PutForward>> ForRequisitionAsync(int requisitionId, CancellationToken cancellationToken)
    {
        var rows = await submissions.ListAsync(new RequisitionSubmissionsSpec(requisitionId), cancellationToken);
        if (rows.Count == 0) return [];
        var people = await NamesAsync(rows.Select(r => r.WorkerId), cancellationToken);
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name);
        return rows.Select(s => new PutForward(s.Id, s.Version, s.WorkerId, people.GetValueOrDefault(s.WorkerId)?.Name ?? "?",
            people.GetValueOrDefault(s.WorkerId)?.District ?? string.Empty, agencies.GetValueOrDefault(s.SupplyAgencyId, "?"), s.Tier, s.SubmittedAt, s.Status, s.Reason)).ToList();
    }

    private async Task<Dictionary<int, CandidateName>> NamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken) =>
        (await workers.ListAsync(new CandidateNamesSpec(ids.Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id);
}

public sealed class CandidateNamesSpec : Specification<Worker, CandidateName>
{
    public CandidateNamesSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(w => ids.Contains(w.Id));
        Query.Select(w => new CandidateName(w.Id, w.FirstName + " " + w.LastName, w.PostcodeDistrict));
    }
}

public sealed record CandidateName(int Id, string Name, string District);

public sealed class RequisitionTitlesSpec : Specification<Domain.Requisitions.Requisition, RequisitionTitle>
{
    public RequisitionTitlesSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(r => ids.Contains(r.Id));
        Query.Select(r => new RequisitionTitle(r.Id, r.Title));
    }
}

public sealed record RequisitionTitle(int Id, string Title);
