namespace Connect2Luton.Application.Users;

/// <summary>A sign-in account as admins manage it.</summary>
/// <param name="Stamp">The account's concurrency stamp when read: a change made against an older one is a conflict.</param>
/// <param name="LockedUntil">Locked after wrong passwords, until then; null when not locked (a deactivated account is not "locked").</param>
public sealed record UserAccount(
    string Id, string Email, string Name, IReadOnlyList<string> Roles, int? ServiceAreaId, DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockedUntil, bool IsActive, string Stamp, bool TwoFactorOn = false, int? SupplyAgencyId = null, int? WorkerId = null)
{
    public AccountScope Scope => new(ServiceAreaId, SupplyAgencyId, WorkerId);
}

/// <summary>What an account is limited to: the service a hiring manager acts for, the agency agency staff act for, the worker record a worker keeps; none for anyone else.</summary>
public sealed record AccountScope(int? ServiceAreaId, int? SupplyAgencyId, int? WorkerId = null)
{
    public static AccountScope None { get; } = new(null, null);
}

/// <summary>What an admin types for an account: who, the roles, for a hiring manager the service they act for, for agency staff their agency.</summary>
public sealed record UserAccountInput(string? Email, string? Name, IReadOnlyList<string> Roles, int? ServiceAreaId, int? SupplyAgencyId = null);

/// <summary>What saving an account came to: done (with the account's id), a conflict, or problems by field.</summary>
public sealed record AccountSave(string? Id, bool Conflict, IReadOnlyDictionary<string, string> Errors)
{
    public static AccountSave Done(string id) => new(id, false, new Dictionary<string, string>());

    public static AccountSave Stale { get; } = new(null, true, new Dictionary<string, string>());

    public static AccountSave Refused(string field, string message) => new(null, false, new Dictionary<string, string> { [field] = message });
}

/// <summary>The accounts people sign in with, as the identity store keeps them.</summary>
public interface IUserAccounts
{
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken);

    Task<UserAccount?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The account linked to a worker record; null where the worker has none.</summary>
    Task<UserAccount?> FindByWorkerAsync(int workerId, CancellationToken cancellationToken);

    /// <summary>An account with no password yet: its holder sets one through a reset link an admin hands over, or signs in through single sign-on.</summary>
    Task<AccountSave> CreateAsync(string email, string name, IReadOnlyList<string> roles, AccountScope scope, CancellationToken cancellationToken);

    /// <summary>Name, roles and scope, against the stamp the admin read. A change of roles or scope ends the user's sessions.</summary>
    Task<AccountSave> UpdateAsync(string id, string stamp, string name, IReadOnlyList<string> roles, AccountScope scope, CancellationToken cancellationToken);

    /// <summary>Deactivates (every session ends at once, sign-in is refused) or reactivates an account; nothing it did is touched.</summary>
    Task<AccountSave> SetActiveAsync(string id, string stamp, bool active, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Lifts a lock left by wrong passwords.</summary>
    Task<AccountSave> UnlockAsync(string id, CancellationToken cancellationToken);

    /// <summary>A one-use token with which the account's holder sets a password (valid a day); null for no such active account.</summary>
    Task<string?> PasswordResetTokenAsync(string id, CancellationToken cancellationToken);
}
