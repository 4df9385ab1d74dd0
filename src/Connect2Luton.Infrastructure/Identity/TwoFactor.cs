using System.Globalization;
using System.Security.Claims;
using System.Text;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>Where a user's second factor stands: on or off, the recovery codes left, and whether their work requires it.</summary>
public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required);

/// <summary>An authenticator app to set up: the key to type in (in groups of four) and the address its QR code holds.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri);

/// <summary>
/// Two-factor sign-in for local accounts with an authenticator app (TOTP, RFC 6238, as ASP.NET Core Identity's
/// authenticator provider checks it): set up by scanning a QR code or typing a key and confirming with a code, with ten
/// one-use recovery codes shown once. Turning it on or off, and new codes, go on the audit trail.
/// </summary>
public sealed class TwoFactor(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AppDbContext db, TimeProvider clock)
{
    private const string Issuer = "Connect2Luton";

    public async Task<TwoFactorStatus> StatusAsync(ClaimsPrincipal principal, bool required)
    {
        var user = await UserAsync(principal);
        return new(user.TwoFactorEnabled, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0, required);
    }

    /// <summary>
    /// A new key to set an app up with, each time: a key shown before (to someone else who had the password, say) is
    /// never the one confirmed later. Kept as Identity keeps it, without renewing the security stamp, so other sessions go on.
    /// </summary>
    /// <param name="fresh">False to show again the key just shown to this same page (after a wrong code), rather than a new one.</param>
    public async Task<AuthenticatorSetup> SetupAsync(ClaimsPrincipal principal, bool fresh = true)
    {
        var user = await UserAsync(principal);
        if (user.TwoFactorEnabled) throw new InvalidOperationException("Two-factor sign-in is on already: turn it off to set up another app.");
        var key = fresh ? null : await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
        }
        var email = user.Email ?? user.UserName ?? user.Id;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new(Grouped(key!), uri);
    }

    /// <summary>
    /// Whether the password typed is the user's: asked again before two-factor sign-in is turned on or off or its
    /// codes remade, so a copied session cookie alone changes none of it. A wrong one counts as a failed sign-in.
    /// </summary>
    public async Task<bool> PasswordIsRightAsync(ClaimsPrincipal principal, string? password)
    {
        var user = await UserAsync(principal);
        // Nothing that could not be a password (empty, overlong, control characters) is checked, or counted as a guess.
        if (string.IsNullOrEmpty(password) || password.Length > 200 || password.Any(char.IsControl)) return false;
        if (!await users.IsLockedOutAsync(user) && await users.CheckPasswordAsync(user, password)) return true;
        if (!await users.IsLockedOutAsync(user)) await users.AccessFailedAsync(user);
        return false;
    }

    /// <summary>Turns it on with a code the app shows; the recovery codes, to be shown once, or null for a wrong code (or one already on).</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(ClaimsPrincipal principal, string code)
    {
        var user = await UserAsync(principal);
        if (user.TwoFactorEnabled) return null;
        var typed = new string(code.Where(char.IsAsciiDigit).ToArray());
        if (typed.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await AccountEvents.RecordAsync(db, user.UserName ?? user.Id, clock.GetUtcNow(), user.Id, "Two-factor sign-in turned on");
        await signIn.RefreshSignInAsync(user);
        return codes;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await AccountEvents.RecordAsync(db, user.UserName ?? user.Id, clock.GetUtcNow(), user.Id, "New recovery codes made");
        return codes;
    }

    public async Task TurnOffAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal);
        await TurnOffAsync(user, user.UserName ?? user.Id);
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>For someone who lost their phone and their recovery codes: an admin turns it off, and they set it up again.</summary>
    public async Task<bool> TurnOffForAsync(string userId, string by)
    {
        if (await users.FindByIdAsync(userId) is not { TwoFactorEnabled: true } user) return false;
        await TurnOffAsync(user, by);
        return true;
    }

    private async Task TurnOffAsync(ApplicationUser user, string by)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await AccountEvents.RecordAsync(db, by, clock.GetUtcNow(), user.Id, "Two-factor sign-in turned off");
    }

    private async Task<ApplicationUser> UserAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("Only a signed-in user sets up two-factor sign-in.");

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return grouped.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
