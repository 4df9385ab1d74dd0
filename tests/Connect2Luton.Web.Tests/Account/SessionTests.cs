using System.Net;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Account;

/// <summary>The app with its password hasher counted: every sign-in attempt should verify exactly one hash.</summary>
public sealed class CountedSignInFactory : Connect2LutonFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
    }

    /// <summary>Identity's own hasher, counting the hashes it verifies.</summary>
    public sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _real = new();
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(ApplicationUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Sign-in and sessions as an auditor checks them (OWASP ASVS level 2).</summary>
public sealed class SessionTests(CountedSignInFactory factory) : IClassFixture<CountedSignInFactory>
{
    [Fact]
    public async Task A_session_cookie_copied_before_signing_out_opens_nothing_afterwards()
    {
        var client = factory.CreateBrowser();
        var signIn = await client.GetPageAsync("/Account/SignIn");
        var signedIn = await client.SubmitAsync(signIn, new Dictionary<string, string>
        {
            ["Input.Email"] = "recruiter@connect2luton.local", ["Input.Password"] = Browsing.DemoPassword,
        });
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Connect2Luton.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        (await copy.GetAsync(new Uri("/Workers", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");

        var signedOut = await client.SubmitAsync(await client.GetPageAsync("/"), new Dictionary<string, string>(), "/Account/SignOut");
        signedOut.Headers.Location!.OriginalString.ShouldStartWith("/Account/SignIn");

        var after = await copy.GetAsync(new Uri("/Workers", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.PathAndQuery.ShouldStartWith("/Account/SignIn");
    }

    [Theory]
    [InlineData("a role taken away")]
    [InlineData("a role added")]
    [InlineData("the service area changed")]
    public async Task A_session_ends_when_the_users_access_changes(string change)
    {
        var email = $"access-{Guid.NewGuid():N}@connect2luton.local";
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Access Change", ServiceAreaId = 1 };
            (await users.CreateAsync(user, Browsing.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Application.Common.Identity.Roles.Recruiter)).Succeeded.ShouldBeTrue();
        }
        var client = factory.CreateBrowser();
        await client.SubmitAsync(await client.GetPageAsync("/Account/SignIn"), new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Browsing.DemoPassword,
        });
        (await client.GetAsync(new Uri("/Workers", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var result = change switch
            {
                "a role taken away" => await users.RemoveFromRoleAsync(user, Application.Common.Identity.Roles.Recruiter),
                "a role added" => await users.AddToRoleAsync(user, Application.Common.Identity.Roles.PolicyOfficer),
                _ => await SetServiceAreaAsync(users, user, 2),
            };
            result.Succeeded.ShouldBeTrue();
        }

        var after = await client.GetAsync(new Uri("/Workers", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"after {change} the user signs in again");
        after.Headers.Location!.PathAndQuery.ShouldStartWith("/Account/SignIn");
    }

    private static Task<IdentityResult> SetServiceAreaAsync(UserManager<ApplicationUser> users, ApplicationUser user, int serviceAreaId)
    {
        user.ServiceAreaId = serviceAreaId;
        return users.UpdateAsync(user);
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_locked_account_get_the_same_answer_and_each_verifies_one_password_hash()
    {
        var locked = "policy@connect2luton.local";
        for (var i = 0; i < 5; i++) await AttemptAsync(locked, "not-the-password");

        var unknown = await AttemptAsync("nobody@connect2luton.local", "not-the-password");
        var wrong = await AttemptAsync("recruiter@connect2luton.local", "not-the-password");
        var lockedOut = await AttemptAsync(locked, Browsing.DemoPassword);

        new[] { unknown.Message, wrong.Message, lockedOut.Message }.ShouldAllBe(m => m == "Error: Enter a correct email address and password");
        unknown.Verified.ShouldBe(1);
        wrong.Verified.ShouldBe(1);
        lockedOut.Verified.ShouldBe(1, "a locked account is not answered at once, which would say it exists");
    }

    private async Task<(string Message, int Verified)> AttemptAsync(string email, string password)
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");
        var before = factory.Hasher.Verified;
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"signing in as {email} is refused");
        return ((await Browsing.ParseAsync(response)).Text("#Input_Email-error"), factory.Hasher.Verified - before);
    }
}
