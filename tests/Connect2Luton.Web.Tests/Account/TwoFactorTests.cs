using System.Net;
using System.Security.Cryptography;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app, the code computed here from the shared key as any TOTP app
/// computes it (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits); and the setting that requires it.
/// </summary>
public sealed class TwoFactorTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Officer = "policy@connect2luton.local";

    [Fact]
    public async Task A_policy_officer_turns_on_two_factor_and_then_signs_in_with_a_code_from_the_shared_key_or_a_recovery_code_once()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var setup = await officer.GetPageAsync("/Account/TwoFactor");
        setup.QuerySelector("#qr-code")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        var key = setup.Text("#shared-key");

        var noPassword = await Browsing.ParseAsync(await officer.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp(key) }, "/Account/TwoFactor?handler=Confirm"));
        noPassword.Text("#Password-error").ShouldContain("Enter your password", Case.Sensitive, "a copied session alone turns nothing on");
        noPassword.Text("#shared-key").ShouldBe(key, "the same page keeps its key");
        var wrong = await Browsing.ParseAsync(await officer.SubmitAsync(noPassword, new Dictionary<string, string> { ["Code"] = "000000", ["Password"] = Browsing.DemoPassword }, "/Account/TwoFactor?handler=Confirm"));
        wrong.Text("#Code-error").ShouldContain("The code did not match");
        var reopened = await officer.GetPageAsync("/Account/TwoFactor");
        reopened.Text("#shared-key").ShouldNotBe(key, "opened anew, the page makes a new key: one someone saw before is never the one confirmed later");
        key = reopened.Text("#shared-key");
        var on = await Browsing.ParseAsync(await officer.SubmitAsync(reopened, new Dictionary<string, string> { ["Code"] = Totp(key), ["Password"] = Browsing.DemoPassword }, "/Account/TwoFactor?handler=Confirm"));
        var recovery = on.QuerySelectorAll("#recovery-codes li code").Select(c => c.TextContent.Trim()).ToList();
        recovery.Count.ShouldBe(10);
        on.Text("#two-factor-status").ShouldContain("10 recovery codes left");

        // A password alone no longer signs in: the code is asked next.
        var client = factory.CreateBrowser();
        var password = await client.SubmitAsync(await client.GetPageAsync("/Account/SignIn"), new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Password"] = Browsing.DemoPassword });
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        password.Headers.Location!.OriginalString.ShouldStartWith("/Account/SignInCode");
        (await client.GetAsync(new Uri("/Rules", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn", Case.Insensitive, "not signed in yet");
        var codePage = await client.GetPageAsync(password.Headers.Location!.OriginalString);
        (await Browsing.ParseAsync(await client.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = "123456" }))).Text("#Input_Code-error")
            .ShouldContain("Enter the 6-digit code");
        (await Browsing.ParseAsync(await client.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = Totp(key) }))).Text("#Input_Code-error")
            .ShouldContain("Enter the 6-digit code", Case.Sensitive, "the code that turned it on has been used");
        (await client.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = Totp(key, steps: 1) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri("/Rules", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var withRecovery = factory.CreateBrowser();
        await withRecovery.SubmitAsync(await withRecovery.GetPageAsync("/Account/SignIn"), new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Password"] = Browsing.DemoPassword });
        var recoveryPage = await withRecovery.GetPageAsync("/Account/SignInCode");
        (await withRecovery.SubmitAsync(recoveryPage, new Dictionary<string, string> { ["Input.Code"] = recovery[0], ["Input.RecoveryCode"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = factory.CreateBrowser();
        await again.SubmitAsync(await again.GetPageAsync("/Account/SignIn"), new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Password"] = Browsing.DemoPassword });
        (await Browsing.ParseAsync(await again.SubmitAsync(await again.GetPageAsync("/Account/SignInCode"), new Dictionary<string, string> { ["Input.Code"] = recovery[0], ["Input.RecoveryCode"] = "true" })))
            .Text("#Input_Code-error").ShouldContain("Enter a recovery code you have not used");
    }

    [Fact]
    public async Task Where_the_council_requires_it_admins_and_policy_officers_are_sent_to_set_it_up_and_others_are_not()
    {
        await using var requiring = new RequiringTwoFactor();
        var admin = await requiring.SignedInAsAsync("admin@connect2luton.local");
        var sent = await admin.GetAsync(new Uri("/Admin", UriKind.Relative));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.ShouldBe("/Account/TwoFactor");
        (await admin.GetPageAsync("/Account/TwoFactor")).Text("#two-factor-required").ShouldContain("Your work needs two-factor sign-in");
        var recruiter = await requiring.SignedInAsAsync("recruiter@connect2luton.local");
        (await recruiter.GetAsync(new Uri("/Placements", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var setup = await admin.GetPageAsync("/Account/TwoFactor");
        (await admin.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp(setup.Text("#shared-key")), ["Password"] = Browsing.DemoPassword }, "/Account/TwoFactor?handler=Confirm"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync(new Uri("/Admin", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "set up, the admin carries on");
        (await admin.GetPageAsync("/Account/TwoFactor")).QuerySelector("#turn-off").ShouldBeNull("required work cannot turn it off");
    }

    [Fact]
    public async Task A_recovery_code_gets_round_neither_a_deactivation_and_an_admin_turns_two_factor_off_for_someone_who_lost_their_phone()
    {
        const string Recruiter = "recruiter@connect2luton.local";
        var recruiter = await factory.SignedInAsAsync(Recruiter);
        var setup = await recruiter.GetPageAsync("/Account/TwoFactor");
        var on = await Browsing.ParseAsync(await recruiter.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp(setup.Text("#shared-key")), ["Password"] = Browsing.DemoPassword }, "/Account/TwoFactor?handler=Confirm"));
        var recovery = on.QuerySelectorAll("#recovery-codes li code").Select(c => c.TextContent.Trim()).ToList();

        // Half signed in (the password given), and then deactivated: no code finishes it.
        var pending = factory.CreateBrowser();
        await pending.SubmitAsync(await pending.GetPageAsync("/Account/SignIn"), new Dictionary<string, string> { ["Input.Email"] = Recruiter, ["Input.Password"] = Browsing.DemoPassword });
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var account = (await admin.GetPageAsync("/Admin/Users")).QuerySelectorAll("#users a").Single(a => a.TextContent == "Amira Hussain").GetAttribute("href")!;
        (await admin.SubmitAsync(await admin.GetPageAsync(account), new Dictionary<string, string>(), $"{account}?handler=Deactivate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Browsing.ParseAsync(await pending.SubmitAsync(await pending.GetPageAsync("/Account/SignInCode"), new Dictionary<string, string> { ["Input.Code"] = recovery[0].ToLowerInvariant(), ["Input.RecoveryCode"] = "true" })))
            .Text("#Input_Code-error").ShouldContain("Enter a recovery code you have not used");
        (await pending.GetAsync(new Uri("/Placements", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await admin.SubmitAsync(await admin.GetPageAsync(account), new Dictionary<string, string>(), $"{account}?handler=Reactivate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.SubmitAsync(await admin.GetPageAsync(account), new Dictionary<string, string>(), $"{account}?handler=TurnOffTwoFactor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = factory.CreateBrowser();
        (await back.SubmitAsync(await back.GetPageAsync("/Account/SignIn"), new Dictionary<string, string> { ["Input.Email"] = Recruiter, ["Input.Password"] = Browsing.DemoPassword }))
            .Headers.Location!.OriginalString.ShouldBe("/", "two-factor is off: the password alone signs in, and they set it up again");
    }

    /// <summary>The code an authenticator app shows now for the key (base32, as the page shows it, in groups).</summary>
    private static string Totp(string key, int steps = 0) => Authenticator.Code(key, Clocks.Now, steps);

    private sealed class RequiringTwoFactor : Connect2LutonFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Authentication:RequireTwoFactor", "true")];
    }
}
