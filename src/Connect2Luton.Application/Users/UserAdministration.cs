using System.Net.Mail;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringManagers;

namespace Connect2Luton.Application.Users;

/// <summary>
/// Admins create accounts, change their roles and scope, deactivate and reactivate them, unlock them and hand over
/// a link to set a password. The council can never be left without an admin: the last active admin is neither
/// deactivated nor demoted, and nobody takes away their own Admin role or their own account. A hiring manager acts
/// for one service and has a hiring-manager record there (made with the account where there is none).
/// </summary>
public sealed class UserAdministration(
    IUserAccounts accounts,
    IRepository<HiringManager> managers,
    ReferenceNames names,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    public static class Fields
    {
        public const string Email = nameof(UserAccountInput.Email);
        public const string Name = nameof(UserAccountInput.Name);
        public const string Roles = nameof(UserAccountInput.Roles);
        public const string ServiceArea = "ServiceAreaId";
    }

    public const string Stale = "This account changed while you were working on it (another admin, or the user signing in). Nothing has been saved: the page shows it as it is now.";

    public async Task<(CommandResult Result, string? Id)> CreateAsync(UserAccountInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManageUsers)) return (CommandResult.Forbidden("Only admins create accounts."), null);
        var errors = new FieldErrors();
        errors.Required(Fields.Email, input.Email, "Enter the email address they sign in with");
        if (input.Email is { } typed && !string.IsNullOrWhiteSpace(typed) && !IsEmail(typed.Trim()))
            errors.Add(Fields.Email, "Enter an email address in the right form, like name@luton.gov.uk");
        await CheckAsync(input, errors, cancellationToken);
        if (errors.Any) return (errors.ToResult(), null);

        var email = input.Email!.Trim().ToLowerInvariant();
        var saved = await accounts.CreateAsync(email, input.Name!.Trim(), input.Roles, ScopeOf(input), cancellationToken);
        if (saved.Id is null) return (Refusal(saved), null);
        await EnsureHiringManagerAsync(input, email, cancellationToken);
        return (CommandResult.Done(0), saved.Id);
    }

    public async Task<CommandResult> UpdateAsync(string id, string stamp, UserAccountInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManageUsers)) return CommandResult.Forbidden("Only admins change accounts.");
        if (await accounts.FindAsync(id, cancellationToken) is not { } account) return CommandResult.NotFound();
        var errors = new FieldErrors();
        await CheckAsync(input, errors, cancellationToken);
        var losesAdmin = account.Roles.Contains(Roles.Admin) && !input.Roles.Contains(Roles.Admin);
        if (losesAdmin && IsSelf(account)) errors.Add(Fields.Roles, "You cannot take away your own Admin role: ask another admin");
        else if (losesAdmin && account.IsActive && await ActiveAdminsAsync(cancellationToken) <= 1)
            errors.Add(Fields.Roles, "This is the last active admin: make someone else an admin first");
        if (errors.Any) return errors.ToResult();

        var saved = await accounts.UpdateAsync(id, stamp, input.Name!.Trim(), input.Roles, ScopeOf(input), cancellationToken);
        if (saved.Id is null) return Refusal(saved);
        await EnsureHiringManagerAsync(input, account.Email, cancellationToken);
        return CommandResult.Done(0);
    }

    public async Task<CommandResult> SetActiveAsync(string id, string stamp, bool active, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageUsers)) return CommandResult.Forbidden("Only admins deactivate accounts.");
        if (await accounts.FindAsync(id, cancellationToken) is not { } account) return CommandResult.NotFound();
        if (!active && IsSelf(account)) return CommandResult.Conflict("You cannot deactivate your own account: ask another admin.");
        if (!active && account.IsActive && account.Roles.Contains(Roles.Admin) && await ActiveAdminsAsync(cancellationToken) <= 1)
            return CommandResult.Conflict("This is the last active admin: make someone else an admin before deactivating this account.");
        return Refusal(await accounts.SetActiveAsync(id, stamp, active, clock.GetUtcNow(), cancellationToken));
    }

    public async Task<CommandResult> UnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageUsers)) return CommandResult.Forbidden("Only admins unlock accounts.");
        return await accounts.FindAsync(id, cancellationToken) is null ? CommandResult.NotFound() : Refusal(await accounts.UnlockAsync(id, cancellationToken));
    }

    /// <summary>The token for a link the admin hands over, with which the account's holder sets a password; null if it cannot have one.</summary>
    public async Task<(CommandResult Result, string? Token)> PasswordResetAsync(string id, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageUsers)) return (CommandResult.Forbidden("Only admins make password links."), null);
        if (await accounts.FindAsync(id, cancellationToken) is not { } account) return (CommandResult.NotFound(), null);
        if (!account.IsActive) return (CommandResult.Conflict("This account is deactivated: reactivate it first."), null);
        return await accounts.PasswordResetTokenAsync(id, cancellationToken) is { } token ? (CommandResult.Done(0), token) : (CommandResult.NotFound(), null);
    }

    private async Task CheckAsync(UserAccountInput input, FieldErrors errors, CancellationToken cancellationToken)
    {
        errors.Required(Fields.Name, input.Name, "Enter their name");
        errors.Text(Fields.Name, input.Name, Limits.Name, "Their name");
        errors.Text(Fields.Email, input.Email, Limits.Email, "The email address");
        if (input.Roles.Any(r => !Common.Identity.Roles.All.Contains(r))) errors.Add(Fields.Roles, "Choose roles from the list");
        if (input.ServiceAreaId is { } chosen && !input.Roles.Contains(Roles.HiringManager))
            errors.Add(Fields.ServiceArea, (await names.ServiceAreasAsync(cancellationToken)).Any(a => a.Id == chosen)
                ? "Leave this as None: only a hiring manager acts for one service"
                : "Choose a service from the list");
        if (input.Roles.Contains(Roles.HiringManager))
        {
            if (input.ServiceAreaId is not { } area) errors.Add(Fields.ServiceArea, "Choose the service a hiring manager acts for");
            else if ((await names.ServiceAreasAsync(cancellationToken)).All(a => a.Id != area)) errors.Add(Fields.ServiceArea, "Choose a service from the list");
            else if (input.Email is { } email && await managers.FirstOrDefaultAsync(new HiringManagerByEmailSpec(email.Trim().ToLowerInvariant()), cancellationToken) is { } manager
                && manager.ServiceAreaId != area)
                errors.Add(Fields.ServiceArea, $"{manager.Name} is the hiring manager record for {(await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == manager.ServiceAreaId)?.Name ?? "another service"}: choose that service");
        }
    }

    private async Task EnsureHiringManagerAsync(UserAccountInput input, string email, CancellationToken cancellationToken)
    {
        if (!input.Roles.Contains(Roles.HiringManager) || input.ServiceAreaId is not { } area) return;
        if (await managers.FirstOrDefaultAsync(new HiringManagerByEmailSpec(email), cancellationToken) is not null) return;
        managers.Add(new HiringManager(input.Name!.Trim(), email, "Hiring manager", area, null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    private static int? ScopeOf(UserAccountInput input) => input.Roles.Contains(Roles.HiringManager) ? input.ServiceAreaId : null;

    private bool IsSelf(UserAccount account) => string.Equals(account.Email, user.Name, StringComparison.OrdinalIgnoreCase);

    private async Task<int> ActiveAdminsAsync(CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).Count(a => a.IsActive && a.Roles.Contains(Roles.Admin));

    private static CommandResult Refusal(AccountSave saved) =>
        saved.Conflict ? CommandResult.Conflict(Stale)
        : saved.Errors.Count > 0 ? CommandResult.Invalid(saved.Errors)
        : CommandResult.Done(0);

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
