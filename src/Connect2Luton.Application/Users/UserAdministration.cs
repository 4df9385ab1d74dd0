using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Validation;
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
        public const string SupplyAgency = "SupplyAgencyId";
    }

    public const string Stale = "This account changed while you were working on it (another admin, or the user signing in). Nothing has been saved: the page shows it as it is now.";

    public async Task<(CommandResult Result, string? Id)> CreateAsync(UserAccountInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManageUsers)) return (CommandResult.Forbidden("Only admins create accounts."), null);
        var errors = new FieldErrors();
        errors.Required(Fields.Email, input.Email, "Enter the email address they sign in with");
        if (input.Email is { } typed && !string.IsNullOrWhiteSpace(typed) && !TextFormats.IsEmail(typed))
            errors.Add(Fields.Email, "Enter an email address in the right form, like name@luton.gov.uk");
        await CheckAsync(input, AccountScope.None, errors, cancellationToken);
        if (errors.Any) return (errors.ToResult(), null);

        var email = input.Email!.Trim().ToLowerInvariant();
        var saved = await accounts.CreateAsync(email, input.Name!.Trim(), input.Roles, ScopeOf(input), cancellationToken);
        if (saved.Id is null) return (Refusal(saved), null);
        await EnsureHiringManagerAsync(input, email, accountActive: true, cancellationToken);
        return (CommandResult.Done(0), saved.Id);
    }

    public async Task<CommandResult> UpdateAsync(string id, string stamp, UserAccountInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManageUsers)) return CommandResult.Forbidden("Only admins change accounts.");
        if (await accounts.FindAsync(id, cancellationToken) is not { } account) return CommandResult.NotFound();
        var errors = new FieldErrors();
        await CheckAsync(input, account.Scope, errors, cancellationToken);
        var losesAdmin = Manages(account.Roles) && !Manages(input.Roles);
        if (losesAdmin && IsSelf(account)) errors.Add(Fields.Roles, "You cannot take away your own Admin role: ask another admin");
        if (errors.Any) return errors.ToResult();

        await AdminChanges.WaitAsync(cancellationToken);
        try
        {
            if (losesAdmin && account.IsActive && await ActiveAdminsAsync(cancellationToken) <= 1)
                return CommandResult.Invalid(Fields.Roles, "This is the last active admin: make someone else an admin first");
            var saved = await accounts.UpdateAsync(id, stamp, input.Name!.Trim(), input.Roles, ScopeOf(input) with { WorkerId = KeepsOwnRecord(input.Roles) ? account.WorkerId : null }, cancellationToken);
            if (saved.Id is null) return Refusal(saved);
            // Another node may have taken away the other admin at the same moment: then this change is undone.
            if (losesAdmin && await ActiveAdminsAsync(cancellationToken) == 0)
            {
                if (await accounts.FindAsync(id, cancellationToken) is { } now)
                    await accounts.UpdateAsync(id, now.Stamp, now.Name, account.Roles, account.Scope, cancellationToken);
                return CommandResult.Conflict("Another admin was changed at the same moment, and this would have left no admin. Nothing has been changed.");
            }
            await EnsureHiringManagerAsync(input, account.Email, account.IsActive, cancellationToken);
            return CommandResult.Done(0);
        }
        finally
        {
            AdminChanges.Release();
        }
    }

    // Changes that could leave the council with no admin are made one at a time (on this node; a change made on another
    // at the same moment is caught by counting again after saving).
    private static readonly SemaphoreSlim AdminChanges = new(1, 1);

    public async Task<CommandResult> SetActiveAsync(string id, string stamp, bool active, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageUsers)) return CommandResult.Forbidden("Only admins deactivate accounts.");
        if (await accounts.FindAsync(id, cancellationToken) is not { } account) return CommandResult.NotFound();
        if (!active && IsSelf(account)) return CommandResult.Conflict("You cannot deactivate your own account: ask another admin.");
        if (active == account.IsActive) return CommandResult.Conflict(active ? "This account is active already." : "This account is deactivated already.");
        await AdminChanges.WaitAsync(cancellationToken);
        try
        {
            var admin = Manages(account.Roles);
            if (!active && admin && await ActiveAdminsAsync(cancellationToken) <= 1)
                return CommandResult.Conflict("This is the last active admin: make someone else an admin before deactivating this account.");
            var saved = await accounts.SetActiveAsync(id, stamp, active, clock.GetUtcNow(), cancellationToken);
            if (saved.Id is null) return Refusal(saved);
            if (!active && admin && await ActiveAdminsAsync(cancellationToken) == 0)
            {
                if (await accounts.FindAsync(id, cancellationToken) is { } now) await accounts.SetActiveAsync(id, now.Stamp, true, clock.GetUtcNow(), cancellationToken);
                return CommandResult.Conflict("Another admin was deactivated at the same moment, and this would have left no admin. Nothing has been changed.");
            }
            // The record follows only the account of the hiring manager it is: an account with other roles and the
            // same address leaves a record an admin keeps at /Admin/HiringManagers as the admin left it.
            if (ActsForOneService(account.Roles)) await FollowActiveAsync(account.Email, active, cancellationToken);
            return CommandResult.Done(0);
        }
        finally
        {
            AdminChanges.Release();
        }
    }

    public async Task<CommandResult> UnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageUsers)) return CommandResult.Forbidden("Only admins unlock accounts.");
        if (await accounts.FindAsync(id, cancellationToken) is not { } account) return CommandResult.NotFound();
        if (!account.IsActive) return CommandResult.Conflict("This account is deactivated: reactivate it instead.");
        if (account.LockedUntil is null) return CommandResult.Conflict("This account is not locked.");
        return Refusal(await accounts.UnlockAsync(id, cancellationToken));
    }

    /// <summary>The token for a link the admin hands over, with which the account's holder sets a password; null if it cannot have one.</summary>
    public async Task<(CommandResult Result, string? Token)> PasswordResetAsync(string id, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageUsers)) return (CommandResult.Forbidden("Only admins make password links."), null);
        if (await accounts.FindAsync(id, cancellationToken) is not { } account) return (CommandResult.NotFound(), null);
        if (!account.IsActive) return (CommandResult.Conflict("This account is deactivated: reactivate it first."), null);
        return await accounts.PasswordResetTokenAsync(id, cancellationToken) is { } token ? (CommandResult.Done(0), token) : (CommandResult.NotFound(), null);
    }

    /// <param name="current">The service or agency the account acts for now, which it may keep though it has been deactivated since.</param>
    private async Task CheckAsync(UserAccountInput input, AccountScope current, FieldErrors errors, CancellationToken cancellationToken)
    {
        errors.Required(Fields.Name, input.Name, "Enter their name");
        errors.Name(Fields.Name, input.Name, Limits.Name, "Their name");
        errors.Text(Fields.Email, input.Email, Limits.Email, "The email address");
        if (input.Roles.Any(r => !Roles.All.Contains(r))) errors.Add(Fields.Roles, "Choose roles from the list");
        if (input.ServiceAreaId is { } chosen && !ActsForOneService(input.Roles))
            errors.Add(Fields.ServiceArea, (await names.ServiceAreasAsync(cancellationToken)).Any(a => a.Id == chosen)
                ? "Leave this as None: only a hiring manager acts for one service"
                : "Choose a service from the list");
        if (ActsForOneService(input.Roles))
        {
            var service = input.ServiceAreaId is { } area ? (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == area) : null;
            if (input.ServiceAreaId is null) errors.Add(Fields.ServiceArea, "Choose the service a hiring manager acts for");
            else if (service is null) errors.Add(Fields.ServiceArea, "Choose a service from the list");
            else if (!service.IsActive && service.Id != current.ServiceAreaId) errors.Add(Fields.ServiceArea, $"{service.Name} is deactivated: choose a service that is taking requisitions");
        }
        await CheckAgencyAsync(input, current, errors, cancellationToken);
        // A worker's account is made from their record, which links the two: an admin cannot link one by hand.
        if (KeepsOwnRecord(input.Roles))
        {
            if (current.WorkerId is null) errors.Add(Fields.Roles, "Give a worker a sign-in from their record under Workers: that links the account to them");
            else if (input.Roles.Count > 1) errors.Add(Fields.Roles, "A worker sees only their own timesheets and details: give them no other role");
        }
    }

    // Agency staff act for one agency and see only its portal: they hold no council role beside it.
    private async Task CheckAgencyAsync(UserAccountInput input, AccountScope current, FieldErrors errors, CancellationToken cancellationToken)
    {
        var agencies = await names.SupplyAgenciesAsync(cancellationToken);
        if (!ActsForOneAgency(input.Roles))
        {
            if (input.SupplyAgencyId is { } chosen)
                errors.Add(Fields.SupplyAgency, agencies.Any(a => a.Id == chosen) ? "Leave this as None: only agency staff act for an agency" : "Choose an agency from the list");
            return;
        }
        if (input.Roles.Count > 1) errors.Add(Fields.Roles, "Agency staff see only their agency's portal: give them no other role");
        var agency = input.SupplyAgencyId is { } id ? agencies.FirstOrDefault(a => a.Id == id) : null;
        if (input.SupplyAgencyId is null) errors.Add(Fields.SupplyAgency, "Choose the agency they work for");
        else if (agency is null) errors.Add(Fields.SupplyAgency, "Choose an agency from the list");
        else if (agency.Kind == Domain.SupplyAgencies.SupplyAgencyKind.InHousePool)
            errors.Add(Fields.SupplyAgency, $"{agency.Name} is the council's own pool, kept by recruiters: choose an agency");
        else if (!agency.IsActive && agency.Id != current.SupplyAgencyId) errors.Add(Fields.SupplyAgency, $"{agency.Name} is no longer used: choose an agency in use");
    }

    /// <summary>A hiring manager's record follows their account: made in their service, moved with it, active while the account is.</summary>
    private async Task EnsureHiringManagerAsync(UserAccountInput input, string email, bool accountActive, CancellationToken cancellationToken)
    {
        if (!ActsForOneService(input.Roles) || input.ServiceAreaId is not { } area) return;
        if (await managers.FirstOrDefaultAsync(new HiringManagerByEmailSpec(email), cancellationToken) is { } manager)
        {
            // A record deactivated at /Admin/HiringManagers before its holder had an account comes back with it.
            var reactivates = accountActive && !manager.IsActive;
            if (manager.ServiceAreaId == area && !reactivates) return;
            if (manager.ServiceAreaId != area) manager.MoveTo(area);
            if (reactivates) manager.Reactivate();
        }
        else managers.Add(new HiringManager(input.Name!.Trim(), email, "Hiring manager", area, null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    private async Task FollowActiveAsync(string email, bool active, CancellationToken cancellationToken)
    {
        if (await managers.FirstOrDefaultAsync(new HiringManagerByEmailSpec(email), cancellationToken) is not { } manager || manager.IsActive == active) return;
        if (active) manager.Reactivate();
        else manager.Deactivate();
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    // "Admin" and "hiring manager" are what the access table makes them: whoever may manage accounts, and whoever acts
    // for one service. Named by permission, the rules here hold whatever roles the table gives those permissions.
    private static bool Manages(IReadOnlyCollection<string> roles) => Access.Allows(roles.Contains, Permissions.ManageUsers);

    private static bool ActsForOneService(IReadOnlyCollection<string> roles) => Access.Allows(roles.Contains, Permissions.ActForOwnService);

    private static bool ActsForOneAgency(IReadOnlyCollection<string> roles) => Access.Allows(roles.Contains, Permissions.SupplyCandidates);

    private static bool KeepsOwnRecord(IReadOnlyCollection<string> roles) => Access.Allows(roles.Contains, Permissions.KeepOwnWorkerRecord);

    private static AccountScope ScopeOf(UserAccountInput input) =>
        new(ActsForOneService(input.Roles) ? input.ServiceAreaId : null, ActsForOneAgency(input.Roles) ? input.SupplyAgencyId : null);

    private bool IsSelf(UserAccount account) => string.Equals(account.Email, user.Name, StringComparison.OrdinalIgnoreCase);

    private async Task<int> ActiveAdminsAsync(CancellationToken cancellationToken) =>
        (await accounts.ListAsync(cancellationToken)).Count(a => a.IsActive && Manages(a.Roles));

    private static CommandResult Refusal(AccountSave saved) =>
        saved.Conflict ? CommandResult.Conflict(Stale)
        : saved.Errors.Count > 0 ? CommandResult.Invalid(saved.Errors)
        : CommandResult.Done(0);

}
