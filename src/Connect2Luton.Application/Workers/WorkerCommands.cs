using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>Registering workers in the pool and keeping their details and checks up to date (recruiters and admins).</summary>
public sealed class WorkerCommands(
    IRepository<Worker> workers,
    IReadRepository<SupplyAgency> agencies,
    IUnitOfWork unitOfWork,
    ICouncilRegister councils,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<CommandResult> RegisterAsync(WorkerInput input, CancellationToken cancellationToken)
    {
        if (!MayEdit) return CommandResult.Forbidden("Only recruiters keep the worker pool.");
        var (profile, errors) = await ValidateAsync(input, null, cancellationToken);
        if (errors.Any) return errors.ToResult();

        var worker = new Worker(profile!, clock.GetUtcNow());
        WorkerRules.RecordChecks(worker, input);
        workers.Add(worker);
        return await SaveAsync(worker, cancellationToken);
    }

    public async Task<CommandResult> UpdateAsync(int id, int version, WorkerInput input, CancellationToken cancellationToken)
    {
        if (!MayEdit) return CommandResult.Forbidden("Only recruiters keep the worker pool.");
        var worker = await workers.GetByIdAsync(id, cancellationToken);
        if (worker is null) return CommandResult.NotFound();
        var (profile, errors) = await ValidateAsync(input, worker.SupplyAgencyId, cancellationToken);
        WorkerRules.KeepRecordedChecks(worker, input, errors);
        if (errors.Any) return errors.ToResult();

        workers.ExpectVersion(worker, version);
        worker.Update(profile!);
        WorkerRules.RecordChecks(worker, input);
        return await SaveAsync(worker, cancellationToken);
    }

    /// <summary>Every message the form would get, saving nothing.</summary>
    public Task<CommandResult> CheckAsync(WorkerInput input, CancellationToken cancellationToken) => CheckAsync(input, null, cancellationToken);

    /// <summary>Every message the form would get for a worker already in the pool, supplied now by <paramref name="currentAgencyId"/>, saving nothing.</summary>
    public async Task<CommandResult> CheckAsync(WorkerInput input, int? currentAgencyId, CancellationToken cancellationToken) =>
        (await ValidateAsync(input, currentAgencyId, cancellationToken)).Errors.ToResult();

    private bool MayEdit => user.May(Permissions.ManageWorkers);

    private async Task<CommandResult> SaveAsync(Worker worker, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(worker.Id);
    }

    /// <param name="currentAgencyId">Who supplies the worker now: a worker stays with an agency deactivated since, but none is newly supplied by one.</param>
    private async Task<(WorkerProfile? Profile, FieldErrors Errors)> ValidateAsync(WorkerInput input, int? currentAgencyId, CancellationToken cancellationToken) =>
        WorkerRules.Check(input, await agencies.ListAsync(new SupplyAgencyNamesSpec(), cancellationToken), currentAgencyId, clock.Today(), councils);
}
