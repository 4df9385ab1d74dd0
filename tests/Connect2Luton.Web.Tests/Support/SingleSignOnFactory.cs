namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// The app in a real Chromium, signing people in through a real OpenID Connect provider (<see cref="OpenIdProvider"/>)
/// on a port of its own, with two-factor sign-in required of admins and policy officers.
/// </summary>
public sealed class SingleSignOnFactory : ChromiumFactory
{
    public const string ProviderName = "Luton Council account";

    public SingleSignOnFactory()
    {
        Provider = OpenIdProvider.StartAsync().GetAwaiter().GetResult();
        // The provider's tokens and the sign-in's own cookies carry the real time, which a browser and the token
        // checks compare with theirs: the app's clock reads the same.
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    public OpenIdProvider Provider { get; }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Authentication:RequireTwoFactor", "true"),
        new("Authentication:OpenIdConnect:Authority", Provider.Authority.ToString()),
        new("Authentication:OpenIdConnect:ClientId", OpenIdProvider.ClientId),
        new("Authentication:OpenIdConnect:ClientSecret", OpenIdProvider.ClientSecret),
        new("Authentication:OpenIdConnect:DisplayName", ProviderName),
        new("Authentication:OpenIdConnect:RequireHttpsMetadata", "false"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
