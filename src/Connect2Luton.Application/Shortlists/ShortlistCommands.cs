using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Shortlists;

/// <summary>
/// Putting workers on an open requisition's shortlist and taking them off. Recruiters (and admins) do this.
/// A worker is ranked again by the preference rules when added, and that decision is kept with the entry, so the
/// shortlist shows why each worker stood where they did even after the rules change.
/// </summary>
public sealed class ShortlistCommands(
    IRepository<Requisition> requisitions,
    IReadRepository<Worker> workers,
    ReferenceNames names,
    ILocalPreferencePolicy preference,
    SupplyChain.SubmissionClosing submissions,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<CommandResult> AddAsync(int requisitionId, int version, int workerId, CancellationToken cancellationToken)
    {
        if (Refusal() is { } refused) return refused;
        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithShortlistSpec(requisitionId, forUpdate: true), cancellationToken);
        if (requisition is null) return CommandResult.NotFound();
        if (NotOpen(requisition) is { } closed) return closed;

        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId), cancellationToken);
        // An agency's own candidate comes onto a shortlist only through the agency putting them forward for this role.
        if (worker is { KeptByAgency: true })
            return CommandResult.Conflict($"{worker.FullName} is a candidate of their agency: they are shortlisted from the agency's submission for this role, if there is one.");
        if (await StageAsync(requisition, worker, cancellationToken) is { } refusedWorker) return refusedWorker;
        requisitions.ExpectVersion(requisition, version);
        return await SaveAsync(requisition, cancellationToken);
    }

    /// <summary>
    /// Ranks <paramref name="worker"/> by the preference rules and adds them to the open requisition's shortlist
    /// (loaded with it, for update), for the caller's save; or says why they cannot be added.
    /// </summary>
    public async Task<CommandResult?> StageAsync(Requisition requisition, Worker? worker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        if (NotOpen(requisition) is { } closed) return closed;
        var role = (await names.JobRolesAsync(cancellationToken)).Single(r => r.Id == requisition.JobRoleId);
        if (worker is null || !worker.IsActive)
            return CommandResult.Conflict("That worker is no longer in the pool. The list shows who can be shortlisted now.");
        if (worker.JobFamily != role.JobFamily)
            return CommandResult.Conflict($"{worker.FullName} works in a different job family from {role.Title}, so cannot be shortlisted for it.");
        if (requisition.Shortlist.Any(e => e.WorkerId == worker.Id && e.Status != ShortlistEntryStatus.Removed))
            return CommandResult.Conflict($"{worker.FullName} is already on the shortlist.");

        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == worker.SupplyAgencyId);
        var decision = await preference.DecideAsync(PolicyFacts.LocalPreference(
            ShortlistCandidate.Of(worker, supplier), role.DfeRoleType is not null, clock.Today()), cancellationToken);
        if (!decision.Eligible)
            return CommandResult.Conflict($"{worker.FullName} cannot be engaged for this role: {string.Join("; ", decision.Ineligibilities)}");

        var now = clock.GetUtcNow();
        var record = decision.Details.ToRecord(user.Name, now).About(requisitionId: requisition.Id, workerId: worker.Id);
        requisition.AddToShortlist(worker.Id, decision.Tier, decision.Points, record, user.Name, now);
        return null;
    }

    public async Task<CommandResult> RemoveAsync(int requisitionId, int version, int workerId, string? reason, CancellationToken cancellationToken)
    {
        if (Refusal() is { } refused) return refused;
        var errors = new FieldErrors();
        errors.Required("Reason", reason, "Enter why the worker is coming off the shortlist");
        errors.Text("Reason", reason, Limits.Reason, "The reason");
        if (errors.Any) return errors.ToResult();

        var requisition = await requisitions.FirstOrDefaultAsync(new RequisitionWithShortlistSpec(requisitionId, forUpdate: true), cancellationToken);
        if (requisition is null) return CommandResult.NotFound();
        if (NotOpen(requisition) is { } closed) return closed;
        if (!requisition.Shortlist.Any(e => e.WorkerId == workerId && e.Status == ShortlistEntryStatus.Shortlisted))
            return CommandResult.Conflict("That worker is not on the shortlist now. The page shows the shortlist as it stands.");

        requisitions.ExpectVersion(requisition, version);
        var now = clock.GetUtcNow();
        var why = reason!.Trim();
        requisition.RemoveFromShortlist(workerId, user.Name, now, why);
        // An agency's candidate taken off is not taken forward, for the same reason, in the same save: the agency reads it.
        await submissions.RemovedFromShortlistAsync(requisitionId, workerId, why, user.Name, now, cancellationToken);
        return await SaveAsync(requisition, cancellationToken);
    }

    private CommandResult? Refusal() =>
        user.May(Permissions.ManagePlacements) ? null : CommandResult.Forbidden("Only recruiters manage shortlists.");

    private static CommandResult? NotOpen(Requisition requisition) =>
        requisition.Status == RequisitionStatus.Open
            ? null
            : CommandResult.Conflict($"This requisition is {Requisition.DescribeState(requisition.Status)}, so its shortlist cannot change.");

    private async Task<CommandResult> SaveAsync(Requisition requisition, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(requisition.Id);
    }
}
