using System.Net;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Account;

/// <summary>A production install: no demo data, no demo users, the first admin from configuration.</summary>
public sealed class ProductionFactory : Connect2LutonFactory
{
    public const string Proxy = "10.20.30.40";

    protected override string Environment => "Production";

    protected override Uri BaseAddress => new("https://connect2luton.luton.gov.example");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The test server has no network peer: a request says which address it comes from (the proxy, or anyone).
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Database:SeedDemoData", "false"),
        new("Identity:BootstrapAdmin:Email", "it.admin@luton.gov.example"),
        new("Identity:BootstrapAdmin:Password", "A-long-first-password-2026"),
        new("ForwardedHeaders:KnownProxies:0", Proxy),
    ];
}

public sealed class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task No_demo_user_exists_in_production()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@connect2luton.local",
            ["Input.Password"] = Browsing.DemoPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browsing.ParseAsync(response)).QuerySelector("#Input_Email-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_first_admin_from_configuration_signs_in_to_an_empty_dashboard()
    {
        var client = await factory.SignedInAsAsync("it.admin@luton.gov.example", "A-long-first-password-2026");

        var dashboard = await client.GetPageAsync("/");

        dashboard.Text("#live-placements .app-figure__value").ShouldBe("0");
    }

    [Fact]
    public async Task Behind_the_councils_proxy_https_is_believed_from_the_proxy_alone_and_answered_with_hsts_and_secure_cookies()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://connect2luton.luton.gov.example"),
        });

        var fromProxy = await SignInPageAsync(client, ProductionFactory.Proxy);
        var fromAnyone = await SignInPageAsync(client, "203.0.113.9");

        fromProxy.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        fromAnyone.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HTTPS claimed by someone other than the proxy is not believed");
        fromProxy.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        fromAnyone.StatusCode.ShouldBe(HttpStatusCode.OK);
        fromAnyone.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase), "its own scheme, plain HTTP, is the one believed");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_and_http_only()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        var signedIn = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = "it.admin@luton.gov.example", ["Input.Password"] = "A-long-first-password-2026",
        });

        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Connect2Luton.Auth=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
    }

    private static async Task<HttpResponseMessage> SignInPageAsync(HttpClient client, string peer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return await client.SendAsync(request);
    }
}
