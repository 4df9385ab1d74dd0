using Microsoft.AspNetCore.Identity;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// Signs in with an email and password, answering the same way, in the same time, whether the account exists,
/// is locked or the password is wrong (OWASP ASVS 2.2 and 3.7). Identity answers an unknown name or a locked
/// account at once, without hashing, and says "locked" only of real accounts; both tell an attacker which
/// addresses have accounts here. Every attempt that is not a sign-in verifies one password hash.
/// </summary>
public sealed class PasswordSignIn(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IPasswordHasher<ApplicationUser> hasher, Persistence.AppDbContext db, TimeProvider clock)
{
    // A hash of no one's password, made with the same hasher and work factor as real ones, to verify against.
    private static string? _decoy;

    /// <summary>Signed in, or the password was right and the authenticator app's code is asked next, or refused.</summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var user = await users.FindByNameAsync(email);
        // An account with no password yet (it waits for its link) is answered as an unknown one: Identity would answer it without hashing.
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            var decoy = LazyInitializer.EnsureInitialized(ref _decoy, () => hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));
            _ = hasher.VerifyHashedPassword(user ?? new ApplicationUser(), decoy, password);
            return SignInOutcome.Refused;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return SignInOutcome.CodeNeeded;
        if (!result.Succeeded) return SignInOutcome.Refused;
        await SignedInAsync(user);
        return SignInOutcome.SignedIn;
    }

    /// <summary>The second step: the code from the authenticator app, or one of the recovery codes, for the password just given.</summary>
    public async Task<SignInOutcome> SignInWithCodeAsync(string code, bool recoveryCode)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInOutcome.NoPasswordYet;
        // Identity checks neither a lock nor a deactivation for a recovery code, and counts no wrong one: both are done
        // here, for either kind of code, so a code is no way round what refuses a password.
        if (await users.IsLockedOutAsync(user)) return SignInOutcome.Refused;
        if (recoveryCode)
        {
            var normalised = code.Trim().ToUpperInvariant();
            var recovered = await signIn.TwoFactorRecoveryCodeSignInAsync(normalised.Contains('-', StringComparison.Ordinal) || normalised.Length != 10 ? normalised : $"{normalised[..5]}-{normalised[5..]}");
            if (!recovered.Succeeded)
            {
                await users.AccessFailedAsync(user);
                return SignInOutcome.Refused;
            }
            await AccountEvents.RecordAsync(db, user.UserName ?? user.Id, clock.GetUtcNow(), user.Id, "Signed in with a recovery code");
        }
        else
        {
            var typed = new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
            if (!(await signIn.TwoFactorAuthenticatorSignInAsync(typed, isPersistent: false, rememberClient: false)).Succeeded) return SignInOutcome.Refused;
        }
        await SignedInAsync(user);
        return SignInOutcome.SignedIn;
    }

    private async Task SignedInAsync(ApplicationUser user)
    {
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
    }

    /// <summary>
    /// Ends every session of the user, here and on any other device or copied cookie: the security stamp every
    /// session carries no longer matches (see <see cref="SessionCheck"/>).
    /// </summary>
    public async Task EndSessionsAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }
}

public enum SignInOutcome
{
    SignedIn,

    /// <summary>The password was right; the account signs in with an authenticator app's code too.</summary>
    CodeNeeded,
    Refused,

    /// <summary>A code was given with no password before it (or too long after).</summary>
    NoPasswordYet,
}
