using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>The "Authentication" section of configuration: how people sign in.</summary>
public sealed class SignInSettings
{
    public const string Section = "Authentication";

    /// <summary>Those who may change the rules or manage accounts (policy officers and admins) must sign in with a second factor.</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>
    /// Email and password sign-in. A council that signs its staff in through its own identity provider may turn it off,
    /// and then nobody signs in, resets or sets a password here; it cannot be off unless single sign-on is set up.
    /// </summary>
    public bool LocalAccounts { get; set; } = true;

    public SingleSignOnOptions OpenIdConnect { get; set; } = new();
}

/// <summary>
/// Sign-in through the council's OpenID Connect provider (Microsoft Entra ID, say): "Authentication:OpenIdConnect".
/// Set up when it has an authority and a client id.
/// </summary>
public sealed class SingleSignOnOptions
{
    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/{tenant id}/v2.0.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button calls the provider: "Sign in with your Luton Council account".</summary>
    public string DisplayName { get; set; } = "your council account";

    /// <summary>
    /// The provider's metadata and keys are read over HTTPS. Only a provider on this machine (a test's) may be reached
    /// over plain HTTP, and only when this is turned off.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The authority as an address, when it is one a browser may be sent to.</summary>
    public Uri? AuthorityUri => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;

    /// <summary>What is wrong with these settings, in the words of the settings, or nothing.</summary>
    public static IEnumerable<string> Problems(SignInSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sso = options.OpenIdConnect;
        if (!options.LocalAccounts && !sso.IsConfigured)
            yield return "Authentication:LocalAccounts is false, so Authentication:OpenIdConnect:Authority and ClientId must be set: otherwise nobody could sign in.";
        if (!sso.IsConfigured) yield break;
        if (sso.AuthorityUri is not { } authority)
        {
            yield return "Authentication:OpenIdConnect:Authority must be the provider's address, starting https://.";
            yield break;
        }
        if (authority.Scheme != Uri.UriSchemeHttps && (sso.RequireHttpsMetadata || !authority.IsLoopback))
            yield return "Authentication:OpenIdConnect:Authority must start https:// (plain http is allowed only for a provider on this machine, with RequireHttpsMetadata false).";
        if (string.IsNullOrWhiteSpace(sso.ClientSecret))
            yield return "Authentication:OpenIdConnect:ClientSecret must be set: the app signs in to the provider as a confidential client.";
    }
}

internal sealed class SignInOptionsValidation : IValidateOptions<SignInSettings>
{
    public ValidateOptionsResult Validate(string? name, SignInSettings options) =>
        SingleSignOnOptions.Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
