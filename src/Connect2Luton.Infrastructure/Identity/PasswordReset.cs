using Microsoft.AspNetCore.Identity;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// The holder of an account sets a password with the link an admin handed them: once, within a day, and never for a
/// deactivated account. Every session of theirs ends (a new security stamp); a lock from wrong passwords is lifted.
/// </summary>
public sealed class PasswordReset(UserManager<ApplicationUser> users, Persistence.AppDbContext db, TimeProvider clock)
{
    public const string LinkNoLongerWorks = "This link no longer works: it has been used, it is more than a day old, or the account is not active. Ask an admin for a new one.";

    /// <summary>Whether the link is one that could set a password now (it is checked again when the password is set).</summary>
    public async Task<bool> IsUsableAsync(string? userId, string? token) =>
        await ActiveAsync(userId) is { } user && !string.IsNullOrEmpty(token)
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);

    /// <summary>What is wrong with the new password or the link, in the user's words; empty once set.</summary>
    public async Task<IReadOnlyList<string>> SetAsync(string? userId, string? token, string password)
    {
        if (await ActiveAsync(userId) is not { } user || string.IsNullOrEmpty(token)) return [LinkNoLongerWorks];
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.InvalidToken) => LinkNoLongerWorks,
                _ => PasswordRules.Describe(e, "Your password"),
            }).Distinct().ToList();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AccountEvents.RecordAsync(db, user.UserName ?? user.Id, clock.GetUtcNow(), user.Id, "Password set with a link");
        return [];
    }

    private async Task<ApplicationUser?> ActiveAsync(string? userId) =>
        string.IsNullOrEmpty(userId) || userId.Length > 100 ? null : await users.FindByIdAsync(userId) is { DeactivatedAt: null } user ? user : null;
}
