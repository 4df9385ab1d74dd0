using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Users;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>
/// A worker's own sign-in, given from their record by a recruiter or admin: an account with the worker's email, linked
/// to the record, with the role that keeps one's own record, and a link to set a password that whoever gave it hands
/// over (a new link for an account already given). Nothing else about the account changes here; admins manage it.
/// </summary>
public sealed class WorkerSignIns(IUserAccounts accounts, IReadRepository<Worker> workers, ICurrentUser user)
{
    /// <summary>The roles a worker's account holds: those that keep one's own record, named by the access table.</summary>
    public static IReadOnlyList<string> WorkerRoles { get; } = [.. Roles.All.Where(role => Access.Allows(r => r == role, Permissions.KeepOwnWorkerRecord))];

    public Task<UserAccount?> AccountOfAsync(int workerId, CancellationToken cancellationToken) => accounts.FindByWorkerAsync(workerId, cancellationToken);

    /// <returns>The account and a token for the link with which the worker sets their password.</returns>
    public async Task<(CommandResult Result, string? AccountId, string? Token)> GiveAsync(int workerId, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageWorkers)) return (CommandResult.Forbidden("Only recruiters give workers a sign-in."), null, null);
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(workerId), cancellationToken);
        if (worker is null) return (CommandResult.NotFound(), null, null);
        if (await accounts.FindByWorkerAsync(workerId, cancellationToken) is { } existing)
        {
            if (!existing.IsActive) return (CommandResult.Conflict($"{worker.FullName}'s sign-in has been deactivated: an admin can reactivate it."), null, null);
            return await accounts.PasswordResetTokenAsync(existing.Id, cancellationToken) is { } again
                ? (CommandResult.Done(workerId), existing.Id, again)
                : (CommandResult.Conflict("A link could not be made for this sign-in: ask an admin."), null, null);
        }
        if (!worker.IsActive) return (CommandResult.Conflict($"{worker.FullName} is not in the active pool: reactivate them first."), null, null);

        var saved = await accounts.CreateAsync(worker.Email, worker.FullName, WorkerRoles, new AccountScope(null, null, workerId), cancellationToken);
        if (saved.Id is null)
            return (CommandResult.Conflict(saved.Conflict
                ? "Someone else gave this worker a sign-in at the same moment: look again."
                : $"Another account already signs in with {worker.Email}: change the worker's email, or ask an admin about that account."), null, null);
        var token = await accounts.PasswordResetTokenAsync(saved.Id, cancellationToken);
        return (CommandResult.Done(workerId), saved.Id, token);
    }
}
