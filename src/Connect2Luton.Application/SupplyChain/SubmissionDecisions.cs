using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// A recruiter deciding on the candidates agencies put forward: shortlisting one puts them on the requisition's
/// shortlist, ranked by the preference rules as any worker is; not taking one forward says why, and the agency sees it.
/// </summary>
public sealed class SubmissionDecisions(
    IRepository<Submission> submissions,
    IRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    ShortlistCommands shortlist,
    RequisitionPermissions permissions,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<CommandResult> ShortlistAsync(int requisitionId, int submissionId, int version, CancellationToken cancellationToken)
    {
        if (Refusal() is { } refused) return refused;
        var (submission, requisition) = await LoadAsync(requisitionId, submissionId, cancellationToken);
        if (submission is null || requisition is null) return CommandResult.NotFound();
        if (submission.Status != SubmissionStatus.Received)
            return CommandResult.Conflict($"This candidate is {Submission.Describe(submission.Status)} now. The page shows where they stand.");

        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(submission.WorkerId), cancellationToken);
        // Their record may have changed since they were put forward: they are shortlisted only if they could be put forward now.
        if (worker is not null && await NoLongerSuitableAsync(worker, requisition, cancellationToken) is { } unsuitable) return unsuitable;
        if (await shortlist.StageAsync(requisition, worker, cancellationToken) is { } cannot) return cannot;
        submissions.ExpectVersion(submission, version);
        submission.Shortlist(user.Name, clock.GetUtcNow());
        return await SaveAsync(requisition, cancellationToken);
    }

    public async Task<CommandResult> DeclineAsync(int requisitionId, int submissionId, int version, string? reason, CancellationToken cancellationToken)
    {
        if (Refusal() is { } refused) return refused;
        var errors = new FieldErrors();
        errors.Required("Reason", reason, "Enter why the candidate is not being taken forward: the agency sees it");
        errors.Text("Reason", reason, Limits.Reason, "The reason");
        var (submission, requisition) = await LoadAsync(requisitionId, submissionId, cancellationToken);
        if (submission is null || requisition is null) return CommandResult.NotFound();
        if (errors.Any) return errors.ToResult();
        if (!submission.IsLive)
            return CommandResult.Conflict($"This candidate is {Submission.Describe(submission.Status)} now. The page shows where they stand.");

        var now = clock.GetUtcNow();
        var why = reason!.Trim();
        // A candidate already shortlisted comes off the shortlist for the same reason.
        if (requisition.Shortlist.Any(e => e.WorkerId == submission.WorkerId && e.Status == ShortlistEntryStatus.Shortlisted))
        {
            if (requisition.Status != RequisitionStatus.Open)
                return CommandResult.Conflict($"This requisition is {Requisition.DescribeState(requisition.Status)}, so its shortlist cannot change.");
            requisition.RemoveFromShortlist(submission.WorkerId, user.Name, now, why);
        }
        submissions.ExpectVersion(submission, version);
        submission.Decline(why, user.Name, now);
        return await SaveAsync(requisition, cancellationToken);
    }

    private async Task<CommandResult?> NoLongerSuitableAsync(Worker worker, Requisition requisition, CancellationToken cancellationToken)
    {
        var role = await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(requisition.JobRoleId), cancellationToken)
            ?? throw new InvalidOperationException($"Role {requisition.JobRoleId} is not there.");
        var shortfalls = PutForwardChecks.Shortfalls(worker, role, requisition.StartDate);
        return shortfalls.Count == 0
            ? null
            : CommandResult.Conflict($"{worker.FullName} cannot be shortlisted: {string.Join("; ", shortfalls.Select(s => s.Missing))}. Their agency can update their record, or you can choose not to take them forward.");
    }

    private CommandResult? Refusal() =>
        user.May(Permissions.ManagePlacements) ? null : CommandResult.Forbidden("Only recruiters decide on the candidates agencies put forward.");

    // A requisition outside the services the user sees is not found, with its submissions; so is a submission asked
    // for under another requisition's address.
    private async Task<(Submission? Submission, Requisition? Requisition)> LoadAsync(int requisitionId, int submissionId, CancellationToken cancellationToken)
    {
        var submission = await submissions.FirstOrDefaultAsync(new SubmissionByIdSpec(submissionId, forUpdate: true), cancellationToken);
        if (submission is null || submission.RequisitionId != requisitionId) return (null, null);
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithShortlistSpec(submission.RequisitionId, forUpdate: true), cancellationToken);
        return requisition is not null && permissions.CanSee(requisition) ? (submission, requisition) : (null, null);
    }

    private async Task<CommandResult> SaveAsync(Requisition requisition, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(requisition.Id);
    }
}
