using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// An agency putting its candidates forward for requisitions released to it, and withdrawing them. One person is put
/// forward for one requisition once, by whichever agency did so first, for as long as the release rules say: a second
/// agency is told only that they are already put forward, never by whom.
/// </summary>
public sealed class AgencySubmissions(
    IRepository<Submission> submissions,
    IRepository<CandidateClaim> claims,
    IReadRepository<ReleasedProfile> released,
    IReadRepository<Domain.SupplyAgencies.SupplyAgency> agencies,
    IReadRepository<Requisition> requisitions,
    IRepository<Requisition> shortlists,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    ReferenceNames names,
    ILocalPreferencePolicy preference,
    ISupplierReleasePolicy release,
    IUnitOfWork unitOfWork,
    DataScope scope,
    ICurrentUser user,
    TimeProvider clock)
{
    public const string WorkerField = "WorkerId";
    public const string AlreadyPutForward = "This person is already put forward for this role.";

    public async Task<CommandResult> SubmitAsync(int requisitionId, int? workerId, CancellationToken cancellationToken)
    {
        if (scope.OnlySupplyAgency is not { } agency) return CommandResult.Forbidden("Only agency staff put candidates forward.");
        if (await agencies.FirstOrDefaultAsync(new ActiveAgencySpec(agency), cancellationToken) is not { } active
            || await released.FirstOrDefaultAsync(new ReleasedToSpec(requisitionId, active.Profile), cancellationToken) is not { } reached)
            return CommandResult.NotFound();
        var requisition = await requisitions.FirstOrDefaultAsync(new SuppliedRequisitionsSpec([requisitionId]), cancellationToken);
        if (requisition is null) return CommandResult.NotFound();
        if (requisition.Status is not (RequisitionStatus.Approved or RequisitionStatus.Open) || requisition.PositionsLeft <= 0 || requisition.EndDate < clock.Today())
            return CommandResult.Conflict("This role is no longer taking candidates: it has been filled or withdrawn.");
        if (workerId is not > 0) return CommandResult.Invalid(WorkerField, "Select the candidate to put forward");

        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId.Value), cancellationToken);
        if (worker is null || worker.SupplyAgencyId != agency || !worker.KeptByAgency || !worker.IsActive) return CommandResult.Invalid(WorkerField, "Select one of your agency's candidates");
        var role = await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(requisition.JobRoleId), cancellationToken)
            ?? throw new InvalidOperationException($"Role {requisition.JobRoleId} is not there.");
        if (PutForwardChecks.Refusal(worker, role, requisition.StartDate) is { } unsuitable) return CommandResult.Invalid(WorkerField, unsuitable);
        // The preference rules say who may be engaged at all (the DfE experience and cooling-off rules among them):
        // the agency hears it now rather than from a recruiter later.
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == agency);
        var decision = await preference.DecideAsync(PolicyFacts.LocalPreference(ShortlistCandidate.Of(worker, supplier), role.DfeRoleType is not null, clock.Today()), cancellationToken);
        if (!decision.Eligible)
            return CommandResult.Invalid(WorkerField, $"{worker.FullName} cannot be engaged for this role: {string.Join("; ", decision.Ineligibilities)}");

        // The in-house pool is considered for every role before any agency: someone the council already keeps is
        // refused as one already put forward, saying nothing of who holds them.
        var keys = CandidateKeys.Of(worker);
        if (await InHousePool.KeepsAsync(workers, worker, keys, cancellationToken)) return CommandResult.Invalid(WorkerField, AlreadyPutForward);

        var days = (await release.TermsAsync(cancellationToken)).CandidateOwnershipDays;
        // The claims are read and written in one transaction, which on SQLite holds the write lock from the start: a
        // second agency putting the same person forward at the same moment reads the first one's claims. Elsewhere
        // the claims' unique index refuses the second save, said the same way.
        return await unitOfWork.InOneTransactionAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var held = await claims.ListAsync(new ClaimsOnSpec(requisitionId, keys), ct);
            if (held.Any(c => c.Submission.OwnsCandidateAt(now))) return CommandResult.Invalid(WorkerField, AlreadyPutForward);

            var submission = new Submission(requisitionId, agency, reached.Tier, worker.Id, user.Name, now, now.AddDays(days));
            submissions.Add(submission);
            Claim(requisitionId, keys, held, submission, now);
            var saved = await unitOfWork.SaveChangesAsync(ct);
            return saved.IsConflict ? CommandResult.Invalid(WorkerField, AlreadyPutForward) : CommandResult.Done(submission.Id);
        }, result => result.Status == CommandStatus.Done, cancellationToken);
    }

    /// <summary>
    /// Stages claims on a candidate's keys for a requisition, for the caller's save: passing on those whose holder no
    /// longer owns the candidate (<paramref name="held"/> are those already made on any of the keys).
    /// </summary>
    internal void Claim(int requisitionId, IEnumerable<string> keys, IReadOnlyCollection<CandidateClaim> held, Submission submission, DateTimeOffset at)
    {
        foreach (var key in keys)
        {
            if (held.FirstOrDefault(c => c.Key == key) is { } claim)
            {
                if (claim.Submission != submission) claim.PassTo(submission, at);
            }
            else claims.Add(new CandidateClaim(requisitionId, key, submission));
        }
    }

    public async Task<CommandResult> WithdrawAsync(int submissionId, int version, string? reason, CancellationToken cancellationToken)
    {
        if (scope.OnlySupplyAgency is not { } agency) return CommandResult.Forbidden("Only agency staff withdraw their candidates.");
        var submission = await submissions.FirstOrDefaultAsync(new SubmissionByIdSpec(submissionId, forUpdate: true), cancellationToken);
        if (submission is null || submission.SupplyAgencyId != agency || !await agencies.AnyAsync(new ActiveAgencySpec(agency), cancellationToken))
            return CommandResult.NotFound();
        var errors = new FieldErrors();
        errors.Text("Reason", reason, Limits.Reason, "The reason");
        if (errors.Any) return errors.ToResult();
        if (!submission.IsLive)
            return CommandResult.Conflict($"This candidate is {Submission.Describe(submission.Status)} now, so cannot be withdrawn. The page shows where they stand.");

        submissions.ExpectVersion(submission, version);
        var now = clock.GetUtcNow();
        submission.Withdraw(reason, user.Name, now);
        // Withdrawn from the role, they come off its shortlist too: nobody books a candidate their agency has withdrawn.
        if (await shortlists.FirstOrDefaultAsync(new Shortlists.RequisitionWithShortlistSpec(submission.RequisitionId, forUpdate: true), cancellationToken) is { } requisition
            && requisition.Shortlist.Any(e => e.WorkerId == submission.WorkerId && e.Status == ShortlistEntryStatus.Shortlisted))
            requisition.RemoveFromShortlist(submission.WorkerId, user.Name, now, string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Limits.Reason - 30 ? "Withdrawn by their agency" : $"Withdrawn by their agency: {reason.Trim()}");
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(submission.Id);
    }
}
