using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// An agency's own records of the candidates it puts forward: the same details and checks a recruiter keeps (right to
/// work, DBS and the Update Service, registration, qualification for post-qualified experience, last council post),
/// always supplied by the user's own agency, and with a date of birth. Another agency's worker, or an in-house
/// worker, is not found.
/// </summary>
public sealed class AgencyCandidates(
    IRepository<Worker> workers,
    IReadRepository<SupplyAgency> agencies,
    WorkerQueries queries,
    IUnitOfWork unitOfWork,
    ICouncilRegister councils,
    DataScope scope,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<AgencyWorkerRow>?> ListAsync(CancellationToken cancellationToken) =>
        scope.OnlySupplyAgency is { } agency ? await workers.ListAsync(new AgencyWorkersSpec(agency), cancellationToken) : null;

    /// <summary>One of the agency's candidates as their page shows them; null for anyone else's.</summary>
    public async Task<WorkerView?> DetailsAsync(int id, CancellationToken cancellationToken) =>
        await queries.DetailsAsync(id, cancellationToken) is { } view && scope.OnlySupplyAgency == view.SupplyAgencyId ? view : null;

    public async Task<CommandResult> AddAsync(WorkerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (scope.OnlySupplyAgency is not { } agency) return CommandResult.Forbidden("Only agency staff keep their agency's candidates here.");
        var (profile, errors) = await ValidateAsync(input, agency, cancellationToken);
        if (errors.Any) return errors.ToResult();

        var worker = new Worker(profile!, clock.GetUtcNow());
        worker.KeepByAgency();
        WorkerRules.RecordChecks(worker, input);
        workers.Add(worker);
        return await SaveAsync(worker, cancellationToken);
    }

    public async Task<CommandResult> UpdateAsync(int id, int version, WorkerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (scope.OnlySupplyAgency is not { } agency) return CommandResult.Forbidden("Only agency staff keep their agency's candidates here.");
        var worker = await workers.GetByIdAsync(id, cancellationToken);
        if (worker is null || worker.SupplyAgencyId != agency) return CommandResult.NotFound();
        var (profile, errors) = await ValidateAsync(input, agency, cancellationToken);
        WorkerRules.KeepRecordedChecks(worker, input, errors);
        if (errors.Any) return errors.ToResult();

        workers.ExpectVersion(worker, version);
        worker.Update(profile!);
        WorkerRules.RecordChecks(worker, input);
        return await SaveAsync(worker, cancellationToken);
    }

    /// <summary>Every message the form would get, saving nothing.</summary>
    public async Task<CommandResult> CheckAsync(WorkerInput input, CancellationToken cancellationToken) =>
        scope.OnlySupplyAgency is { } agency
            ? (await ValidateAsync(input, agency, cancellationToken)).Errors.ToResult()
            : CommandResult.Forbidden("Only agency staff keep their agency's candidates here.");

    private async Task<(WorkerProfile? Profile, FieldErrors Errors)> ValidateAsync(WorkerInput input, int agency, CancellationToken cancellationToken)
    {
        // The agency is the user's own whatever the form says; a deactivated agency still keeps its records.
        var own = input with { SupplyAgencyId = agency };
        var (profile, errors) = WorkerRules.Check(own, await agencies.ListAsync(new SupplyAgencyNamesSpec(), cancellationToken), agency, clock.Today(), councils);
        if (input.DateOfBirth is null && !errors.Has(nameof(WorkerInput.DateOfBirth)))
            errors.Add(nameof(WorkerInput.DateOfBirth), "Enter their date of birth, like 27 3 1990");
        return errors.Any ? (null, errors) : (profile, errors);
    }

    private async Task<CommandResult> SaveAsync(Worker worker, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(worker.Id);
    }
}
