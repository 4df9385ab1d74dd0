using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>
/// A worker's written opt-out of the Working Time Regulations' 48-hour weekly limit (regulation 5): recorded by a
/// recruiter with the day it was signed, and recorded as withdrawn when the worker takes it back. Timesheets over 48
/// hours a week are refused for a worker without one in force by the week's end.
/// </summary>
public sealed class WeeklyLimitOptOut(IRepository<Worker> workers, IUnitOfWork unitOfWork, ICurrentUser user, TimeProvider clock)
{
    public const string SignedOnField = "SignedOn";

    public async Task<CommandResult> RecordAsync(int workerId, int version, DateOnly? signedOn, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageWorkers)) return CommandResult.Forbidden("Only recruiters record a worker's working time opt-out.");
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId, forUpdate: true), cancellationToken);
        if (worker is null) return CommandResult.NotFound();
        var today = clock.Today();
        if (signedOn is not { } day) return CommandResult.Invalid(SignedOnField, "Enter the date the worker signed the opt-out");
        if (day > today) return CommandResult.Invalid(SignedOnField, "The date they signed must be today or earlier");
        if (day < today.AddYears(-50)) return CommandResult.Invalid(SignedOnField, "Enter the date they signed, in the last 50 years");
        workers.ExpectVersion(worker, version);
        worker.RecordWeeklyLimitOptOut(day);
        return await SaveAsync(worker, cancellationToken);
    }

    public async Task<CommandResult> WithdrawAsync(int workerId, int version, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageWorkers)) return CommandResult.Forbidden("Only recruiters record a worker's working time opt-out.");
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId, forUpdate: true), cancellationToken);
        if (worker is null) return CommandResult.NotFound();
        if (worker.WeeklyLimitOptOutSignedOn is null) return CommandResult.Conflict("This worker has no opt-out recorded to withdraw.");
        workers.ExpectVersion(worker, version);
        worker.RecordWeeklyLimitOptOut(null);
        return await SaveAsync(worker, cancellationToken);
    }

    private async Task<CommandResult> SaveAsync(Worker worker, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(worker.Id);
    }
}
