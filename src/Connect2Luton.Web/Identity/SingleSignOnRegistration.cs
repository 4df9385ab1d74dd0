using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Connect2Luton.Web.Identity;

/// <summary>
/// Sign-in through the council's OpenID Connect provider, where configuration names one: the authorization code flow
/// with PKCE, as a confidential client, asking for the user's email address. What the provider says is kept only in
/// Identity's short-lived external cookie until <see cref="SingleSignOn"/> has picked the account.
/// </summary>
internal static class SingleSignOnRegistration
{
    /// <summary>The sign-out's parameter carrying the identity token the session began with.</summary>
    public const string IdTokenHint = "id_token_hint";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProviderReach>();
        var settings = configuration.GetSection(SignInSettings.Section).Get<SignInSettings>()?.OpenIdConnect ?? new SingleSignOnOptions();
        if (!settings.IsConfigured) return services;
        services.AddAuthentication().AddOpenIdConnect(SingleSignOn.Scheme, settings.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // "openid" and "profile" are asked for already.
            options.Scope.Add("email");
            // The provider's own claim names ("email", "email_verified", "sub"), not the WS-Federation names they map to.
            options.MapInboundClaims = false;
            // Kept only until the account is picked, when the identity token alone moves to the session (for sign-out).
            options.SaveTokens = true;
            options.CallbackPath = "/signin-oidc";
            options.SignedOutCallbackPath = "/signout-callback-oidc";
            // Naming the session to end spares the user the provider's "which account?" at sign-out.
            options.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Parameters.TryGetValue(IdTokenHint, out var hint) && hint is string token) context.ProtocolMessage.IdTokenHint = token;
                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = context =>
            {
                // Cancelled at the provider, refused there, or an answer too old or replayed: the sign-in page says so,
                // never an error page.
                context.Response.Redirect("/Account/SignIn?sso=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Where sign-in and sign-out forms may send the browser on to: the provider's own address.</summary>
    public static string FormTargets(SingleSignOnOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.IsConfigured && settings.AuthorityUri is { } authority ? $" {authority.GetLeftPart(UriPartial.Authority)}" : string.Empty;
    }
}
