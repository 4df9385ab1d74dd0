using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on its own Kestrel host and free port, standing in for the
/// council's Entra ID: the authorization code flow with PKCE, a confidential client, signed identity tokens, an end
/// session endpoint. Its sign-in page asks only for an email address and whether the provider vouches for it, as a
/// directory whose user has already proved who they are would answer.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "connect2luton";
    public const string ClientSecret = "a-client-secret-only-the-test-knows";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;

    private OpenIdProvider(WebApplication app, SqliteConnection store) => (_app, _store) = (app, store);

    public Uri Authority { get; private set; } = null!;

    /// <summary>Everyone who signed in here, by email, in order: what the provider was asked.</summary>
    public List<string> SignIns { get; } = [];

    public static async Task<OpenIdProvider> StartAsync()
    {
        // The client and its grants live in a SQLite database in memory, kept while this connection is open.
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = typeof(OpenIdProvider).Assembly.GetName().Name });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderStore>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => { o.LoginPath = "/login"; o.Cookie.Name = "provider.session"; });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderStore>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        var provider = new OpenIdProvider(app, store);
        app.UseAuthentication();
        app.MapGet("/login", (string? returnUrl) => Results.Content(SignInPage(returnUrl ?? "/"), "text/html; charset=utf-8"));
        app.MapPost("/login", (Delegate)provider.SignInAsync);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize);
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Delegate)EndSession);
        await using (var scope = app.Services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<ProviderStore>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address.TrimEnd('/') + "/");
        return provider;
    }

    /// <summary>The app at this address as the provider's client, with its redirect addresses.</summary>
    public async Task RegisterClientAsync(Uri app)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(ClientId) is not null) return;
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Connect2Luton",
            RedirectUris = { new Uri(app, "/signin-oidc") },
            PostLogoutRedirectUris = { new Uri(app, "/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private async Task<IResult> SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var email = form["email"].ToString().Trim();
        var verified = form["verified"] == "true";
        SignIns.Add(email);
        // The provider's own identifier for the person, stable across sign-ins, unlike anything they could change.
        var subject = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..24];
        var identity = new ClaimsIdentity([new(Claims.Subject, subject), new(Claims.Email, email), new(Claims.EmailVerified, verified ? "true" : "false"), new(Claims.Name, email.Split('@')[0])], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(new ClaimsPrincipal(identity));
        var returnUrl = form["returnUrl"].ToString();
        return Results.LocalRedirect(returnUrl.StartsWith('/') ? returnUrl : "/");
    }

    private static async Task<IResult> Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded)
        {
            var here = context.Request.PathBase + context.Request.Path + QueryString.Create(context.Request.HasFormContentType ? [.. context.Request.Form] : [.. context.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = here }, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        var person = session.Principal!;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.FindFirst(Claims.Subject)!.Value)
            .SetClaim(Claims.Email, person.FindFirst(Claims.Email)!.Value)
            .SetClaim(Claims.Name, person.FindFirst(Claims.Name)!.Value);
        identity.AddClaim(new Claim(Claims.EmailVerified, person.FindFirst(Claims.EmailVerified)!.Value, ClaimValueTypes.Boolean));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSession(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string SignInPage(string returnUrl) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Council sign-in</title></head>
        <body><h1>Council sign-in</h1>
        <form method="post" action="/login">
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
        <label for="email">Email</label> <input id="email" name="email" type="text">
        <label><input id="verified" name="verified" type="checkbox" value="true" checked> The directory has verified this address</label>
        <button id="provider-sign-in" type="submit">Sign in</button>
        </form></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private sealed class ProviderStore(DbContextOptions<ProviderStore> options) : DbContext(options);
}
