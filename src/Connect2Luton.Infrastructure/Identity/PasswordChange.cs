using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// A signed-in user changes their own password. The new password gives the user a new security stamp, so every
/// other session of theirs ends (<see cref="SessionCheck"/>); this one is signed in again and carries on.
/// </summary>
public sealed class PasswordChange(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, PasswordSignIn sessions, Persistence.AppDbContext db, TimeProvider clock)
{
    /// <summary>What is wrong, by field (<c>Current</c> or <c>New</c>), in the user's words; empty once changed.</summary>
    /// <remarks>
    /// A wrong current password counts as a failed sign-in: whoever holds a session (a copied cookie, an unlocked
    /// screen) could otherwise guess the password here without limit. At the lockout every session ends.
    /// </remarks>
    public async Task<PasswordChangeResult> ChangeAsync(ClaimsPrincipal principal, string current, string next)
    {
        // Asked before the current password is checked, so the answer says nothing about whether it was right.
        if (string.Equals(current, next, StringComparison.Ordinal)) return new([("New", "Enter a new password that is different from your current one")], SignedOut: false);
        var id = users.GetUserId(principal) ?? throw new InvalidOperationException("Only a signed-in user changes their password.");
        // One attempt at a time per user: guesses sent at once would otherwise each read the same failed count and
        // lose each other's increments (Identity's update of the count fails quietly on its concurrency stamp).
        var gate = Attempts.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            return await ChangeOneAtATimeAsync(principal, current, next);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Attempts = new(StringComparer.Ordinal);

    private async Task<PasswordChangeResult> ChangeOneAtATimeAsync(ClaimsPrincipal principal, string current, string next)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("Only a signed-in user changes their password.");
        if (await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, current))
        {
            if (!await users.IsLockedOutAsync(user)) await users.AccessFailedAsync(user);
            if (!await users.IsLockedOutAsync(user)) return new([("Current", "Your current password is not right")], SignedOut: false);
            await sessions.EndSessionsAsync(principal);
            return new([], SignedOut: true);
        }
        await users.ResetAccessFailedCountAsync(user);
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded)
        {
            await AccountEvents.RecordAsync(db, user.UserName ?? user.Id, clock.GetUtcNow(), user.Id, "Password changed");
            await signIn.RefreshSignInAsync(user);
            return new([], SignedOut: false);
        }
        return new(result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordMismatch) => ("Current", "Your current password is not right"),
            _ => ("New", PasswordRules.Describe(e, "Your new password")),
        }).ToList(), SignedOut: false);
    }
}

/// <summary>What is wrong with a password change, by field; or that too many wrong passwords signed the user out.</summary>
public sealed record PasswordChangeResult(IReadOnlyList<(string Field, string Message)> Problems, bool SignedOut)
{
    public bool Changed => Problems.Count == 0 && !SignedOut;
}
