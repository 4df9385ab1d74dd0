using System.Net;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Web.Tests.Account;

/// <summary>A council whose staff sign in through its provider alone: email and password sign-in turned off.</summary>
public sealed class ProviderOnlyFactory : Connect2LutonFactory
{
    // Nothing listens here: the provider cannot be reached, as on a day its service is down.
    public const string Authority = "https://127.0.0.1:1/council-tenant/v2.0";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Authentication:LocalAccounts", "false"),
        new("Authentication:OpenIdConnect:Authority", Authority),
        new("Authentication:OpenIdConnect:ClientId", "connect2luton"),
        new("Authentication:OpenIdConnect:ClientSecret", "a-secret"),
        new("Authentication:OpenIdConnect:DisplayName", "Luton Council account"),
    ];
}

public sealed class SingleSignOnSettingsTests(ProviderOnlyFactory factory) : IClassFixture<ProviderOnlyFactory>
{
    [Fact]
    public async Task With_local_accounts_off_no_password_is_asked_for_or_checked_and_no_password_page_exists()
    {
        var client = factory.CreateBrowser();
        var signIn = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var page = await Browsing.ParseAsync(signIn);

        page.Text("#single-sign-on button").ShouldBe("Sign in with Luton Council account");
        page.QuerySelector("#Input_Password").ShouldBeNull();
        signIn.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("form-action 'self' https://127.0.0.1:1;", Case.Sensitive, "the button's form goes on to the provider");

        var token = page.QuerySelector("#single-sign-on input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var password = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@connect2luton.local", ["Input.Password"] = Browsing.DemoPassword, ["__RequestVerificationToken"] = token,
        });
        var refused = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), password);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a right demo password is not even checked");
        refused.Headers.Contains("Set-Cookie").ShouldBeFalse();
        foreach (var path in new[] { "/Account/ResetPassword?user=x&token=y", "/Account/SignInCode" })
            (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_is_said_on_the_sign_in_page_not_met_with_an_error()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        var start = await client.SubmitAsync(page, new Dictionary<string, string>(), "/Account/ExternalSignIn");

        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.OriginalString.ShouldBe("/Account/SignIn");
        (await client.GetPageAsync("/Account/SignIn")).Text("#sign-in-problem").ShouldContain("Signing in with Luton Council account is not available just now");
    }

    [Fact]
    public async Task Turning_local_accounts_off_ends_the_sessions_begun_with_a_password()
    {
        _ = factory.Services;
        // The same database before the change: passwords still sign in there.
        await using var before = new SameDatabase(factory.ConnectionString);
        var session = await Platform.DataProtectionKeysTests.SignInAsync(before, "recruiter@connect2luton.local");
        using (var then = await Platform.DataProtectionKeysTests.GetAsync(before, "/Placements", session)) then.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var now = await Platform.DataProtectionKeysTests.GetAsync(factory, "/Placements", session);

        now.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        now.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn", Case.Insensitive);
    }

    private sealed class SameDatabase(string connectionString) : Connect2LutonFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [.. base.Settings, new("Scheduling:Store", "Memory"), new("Database:ConnectionString", connectionString)];
    }

    [Theory]
    [InlineData("false", "", "", "Authentication:LocalAccounts is false, so Authentication:OpenIdConnect:Authority and ClientId must be set")]
    [InlineData("true", "http://login.council.example/tenant", "secret", "must start https://")]
    [InlineData("true", "https://login.council.example/tenant", "", "ClientSecret must be set")]
    public void Settings_that_would_lock_everyone_out_or_talk_to_the_provider_in_clear_stop_the_start_saying_what_to_change(string local, string authority, string secret, string said)
    {
        using var app = new SettingsFactory([new("Authentication:LocalAccounts", local), new("Authentication:OpenIdConnect:Authority", authority),
            new("Authentication:OpenIdConnect:ClientId", authority.Length > 0 ? "connect2luton" : ""), new("Authentication:OpenIdConnect:ClientSecret", secret)]);

        Should.Throw<OptionsValidationException>(() => app.CreateClient()).Message.ShouldContain(said);
    }

    private sealed class SettingsFactory(IEnumerable<KeyValuePair<string, string>> settings) : Connect2LutonFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, .. settings];
    }
}
