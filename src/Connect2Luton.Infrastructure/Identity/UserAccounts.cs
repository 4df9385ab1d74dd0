using Connect2Luton.Application.Users;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>Accounts in ASP.NET Core Identity's store: its user manager does the saving, so its checks, stamps and lockout rules hold.</summary>
internal sealed class UserAccounts(UserManager<ApplicationUser> users, AppDbContext db, Application.Common.Identity.ICurrentUser actor, TimeProvider clock) : IUserAccounts
{
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var roles = await RolesAsync(null, cancellationToken);
        var all = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return all.Select(u => Of(u, roles)).OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<UserAccount?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : Of(user, await RolesAsync(id, cancellationToken));
    }

    public async Task<UserAccount?> FindByWorkerAsync(int workerId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.WorkerId == workerId, cancellationToken);
        return user is null ? null : Of(user, await RolesAsync(user.Id, cancellationToken));
    }

    public async Task<AccountSave> CreateAsync(string email, string name, IReadOnlyList<string> roles, AccountScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ServiceAreaId = scope.ServiceAreaId, SupplyAgencyId = scope.SupplyAgencyId, WorkerId = scope.WorkerId, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return Refused(created);
        if (roles.Count > 0) await users.AddToRolesAsync(user, roles);
        return AccountSave.Done(user.Id);
    }

    public async Task<AccountSave> UpdateAsync(string id, string stamp, string name, IReadOnlyList<string> roles, AccountScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await CurrentAsync(id, stamp) is not { } user) return AccountSave.Stale;
        user.DisplayName = name;
        user.ServiceAreaId = scope.ServiceAreaId;
        user.SupplyAgencyId = scope.SupplyAgencyId;
        user.WorkerId = scope.WorkerId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return Refused(updated);
        var had = await users.GetRolesAsync(user);
        if (had.Except(roles).ToList() is { Count: > 0 } lost) await users.RemoveFromRolesAsync(user, lost);
        if (roles.Except(had).ToList() is { Count: > 0 } gained) await users.AddToRolesAsync(user, gained);
        return AccountSave.Done(user.Id);
    }

    public async Task<AccountSave> SetActiveAsync(string id, string stamp, bool active, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(id, stamp) is not { } user) return AccountSave.Stale;
        user.DeactivatedAt = active ? null : at;
        user.LockoutEnabled = true;
        // A deactivated account is locked for good, so every way in (password, reset link) refuses it; a new stamp ends its sessions at once.
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? AccountSave.Done(user.Id) : Refused(saved);
    }

    public async Task<AccountSave> UnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { DeactivatedAt: null } user) return AccountSave.Stale;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AccountEvents.RecordAsync(db, actor.Name, clock.GetUtcNow(), user.Id, "Unlocked", cancellationToken);
        return AccountSave.Done(user.Id);
    }

    public async Task<string?> PasswordResetTokenAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { DeactivatedAt: null } user) return null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await AccountEvents.RecordAsync(db, actor.Name, clock.GetUtcNow(), user.Id, "A link to set a password was made", cancellationToken);
        return token;
    }

    // The account as the admin saw it, or null if it has changed since.
    private async Task<ApplicationUser?> CurrentAsync(string id, string stamp) =>
        await users.FindByIdAsync(id) is { } user && string.Equals(user.ConcurrencyStamp, stamp, StringComparison.Ordinal) ? user : null;

    private async Task<ILookup<string, string>> RolesAsync(string? userId, CancellationToken cancellationToken) =>
        (await (from link in db.UserRoles
                join role in db.Roles on link.RoleId equals role.Id
                where userId == null || link.UserId == userId
                select new { link.UserId, role.Name }).ToListAsync(cancellationToken))
        .ToLookup(r => r.UserId, r => r.Name!);

    private UserAccount Of(ApplicationUser user, ILookup<string, string> roles)
    {
        var now = clock.GetUtcNow();
        var locked = user.DeactivatedAt is null && user.LockoutEnd is { } until && until > now ? until : (DateTimeOffset?)null;
        return new UserAccount(user.Id, user.Email ?? user.UserName ?? string.Empty, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName,
            [.. roles[user.Id].Order(StringComparer.Ordinal)], user.ServiceAreaId, user.LastSignInAt, locked, user.DeactivatedAt is null, user.ConcurrencyStamp ?? string.Empty, user.TwoFactorEnabled, user.SupplyAgencyId, user.WorkerId);
    }

    private static AccountSave Refused(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))) return AccountSave.Stale;
        var error = result.Errors.First();
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                => AccountSave.Refused(UserAdministration.Fields.Email, "There is already an account with this email address"),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
                => AccountSave.Refused(UserAdministration.Fields.Email, "Enter an email address in the right form, like name@luton.gov.uk"),
            _ => AccountSave.Refused(UserAdministration.Fields.Email, "This account could not be saved: check the email address"),
        };
    }
}
