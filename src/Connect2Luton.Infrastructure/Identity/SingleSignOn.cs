using System.Security.Claims;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>How a sign-in through the council's provider ended.</summary>
public enum SingleSignOnOutcome
{
    SignedIn,

    /// <summary>The provider's answer was missing or could not be read (the sign-in was abandoned, or too old).</summary>
    NotCompleted,

    /// <summary>The provider did not say the email address is verified, so it cannot pick an account.</summary>
    EmailNotVerified,

    /// <summary>No account here has that email address, or the account is deactivated or locked.</summary>
    NoAccount,

    /// <summary>The account signs in through the provider as someone else already.</summary>
    LinkedToSomeoneElse,
}

/// <summary>
/// Signs in someone the council's OpenID Connect provider has signed in, only to an account an admin has made: the
/// provider's subject once linked, or the first time a verified email address. Roles and scope stay in the app. A
/// deactivated or locked account is refused as a password would be.
/// </summary>
public sealed class SingleSignOn(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AppDbContext db,
    TimeProvider clock,
    IOptions<SignInSettings> options)
{
    /// <summary>The scheme the provider is reached through, and how the session says it was begun.</summary>
    public const string Scheme = "council";

    public bool IsConfigured => options.Value.OpenIdConnect.IsConfigured;

    public string ProviderName => options.Value.OpenIdConnect.DisplayName;

    public bool LocalAccounts => options.Value.LocalAccounts;

    public async Task<SingleSignOnOutcome> SignInAsync()
    {
        var external = await signIn.GetExternalLoginInfoAsync();
        // What the provider said is needed once: the app's own session is all that carries on.
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (external is null || external.LoginProvider != Scheme) return SingleSignOnOutcome.NotCompleted;

        var user = await users.FindByLoginAsync(external.LoginProvider, external.ProviderKey);
        if (user is null)
        {
            if (VerifiedEmail(external.Principal) is not { } email) return SingleSignOnOutcome.EmailNotVerified;
            user = await users.FindByEmailAsync(email);
            // Identity finds by a normalised form in which look-alikes meet ("ſam" and "sam", the Kelvin sign and "K"):
            // the account must have the very address the provider vouched for, letter for letter but for case.
            if (user is null || !SameAddress(user.Email, email) || !CanSignIn(user)) return SingleSignOnOutcome.NoAccount;
            if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == Scheme)) return SingleSignOnOutcome.LinkedToSomeoneElse;
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(Scheme, external.ProviderKey, ProviderName));
            if (!linked.Succeeded) return SingleSignOnOutcome.LinkedToSomeoneElse;
            await AccountEvents.RecordAsync(db, user.UserName ?? user.Id, clock.GetUtcNow(), user.Id, $"Linked to sign-in with {ProviderName}");
        }
        // A lock left by wrong passwords is about passwords: strangers typing them do not stop the provider's sign-in.
        if (!CanSignIn(user)) return SingleSignOnOutcome.NoAccount;

        // The provider's identity token is kept with the session, to tell the provider whose session to end at sign-out.
        var session = new AuthenticationProperties();
        session.StoreTokens(external.AuthenticationTokens?.Where(t => t.Name == IdToken) ?? []);
        await signIn.SignInWithClaimsAsync(user, session, [new Claim(ClaimTypes.AuthenticationMethod, Scheme)]);
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        return SingleSignOnOutcome.SignedIn;
    }

    public const string IdToken = "id_token";

    /// <summary>Whether the account signs in through the provider as someone (it has been linked by a first sign-in).</summary>
    public async Task<bool> IsLinkedAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == Scheme);

    /// <summary>
    /// Forgets who at the provider the account is, for someone whose identity there was made again (or wrongly
    /// linked): their next sign-in there links afresh by email. Their sessions end.
    /// </summary>
    public async Task<bool> UnlinkAsync(string userId, string by)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return false;
        var links = (await users.GetLoginsAsync(user)).Where(l => l.LoginProvider == Scheme).ToList();
        if (links.Count == 0) return false;
        foreach (var link in links) await users.RemoveLoginAsync(user, link.LoginProvider, link.ProviderKey);
        await users.UpdateSecurityStampAsync(user);
        await AccountEvents.RecordAsync(db, by, clock.GetUtcNow(), user.Id, $"Unlinked from sign-in with {ProviderName}");
        return true;
    }

    /// <summary>Whether this session was begun through the council's provider.</summary>
    public static bool BeganThroughProvider(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(ClaimTypes.AuthenticationMethod, Scheme);
    }

    /// <summary>Carries how the session began onto the principal Identity makes afresh when it refreshes the cookie.</summary>
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(ClaimTypes.AuthenticationMethod) is { } method
            && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(ClaimTypes.AuthenticationMethod, method.Value))
        {
            identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
        }
        return Task.CompletedTask;
    }

    private static bool CanSignIn(ApplicationUser user) => user.DeactivatedAt is null;

    private static bool SameAddress(string? account, string vouched) =>
        account is not null && System.Text.Ascii.IsValid(account) && System.Text.Ascii.EqualsIgnoreCase(account, vouched);

    /// <summary>
    /// The email address, where the provider vouches for it: OpenID Connect's <c>email_verified</c>, or Entra ID's
    /// <c>xms_edov</c> (the domain's owner has verified it), which Entra sends in place of the standard claim.
    /// </summary>
    private static string? VerifiedEmail(ClaimsPrincipal principal)
    {
        var email = (principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email))?.Trim();
        // Addresses are matched as ASCII: no council address needs more, and look-alike letters stop here.
        if (email is null || !System.Text.Ascii.IsValid(email) || !TextFormats.IsEmail(email)) return null;
        return IsTrue(principal.FindFirstValue("email_verified")) || IsTrue(principal.FindFirstValue("xms_edov")) ? email : null;
    }

    private static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
