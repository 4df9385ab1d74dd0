using Connect2Luton.Web.Tests.Support;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>
/// Signing in through the council's OpenID Connect provider, end to end in Chromium: the provider is a real one
/// (OpenIddict) on its own port, and the app is its confidential client. Only someone an admin has given an account
/// gets in, matched by the email address the provider vouches for; roles stay the app's; signing out ends the
/// provider's session too.
/// </summary>
public sealed class SingleSignOnTests(SingleSignOnFactory factory) : IClassFixture<SingleSignOnFactory>
{
    [BrowserFact]
    public async Task Someone_with_an_account_signs_in_through_the_councils_provider_and_out_of_both_while_others_are_refused()
    {
        await factory.Provider.RegisterClientAsync(factory.ServerAddress);

        var (stranger, strangerProblems) = await StartAsync();
        await ThroughProviderAsync(stranger, "no.account@luton.gov.example");
        (await stranger.Locator("#sign-in-problem").TextContentAsync()).ShouldNotBeNull()
            .ShouldContain("There is no Connect2Luton account you can use for the email address Luton Council account gave");
        (await Accessibility.SeriousViolationsAsync(stranger)).ShouldBeEmpty();
        (await stranger.GotoAsync("/Placements"))!.Url.ShouldContain("/Account/SignIn", Case.Sensitive, "refused, they are not signed in");
        (await stranger.Locator("#sign-in-problem").CountAsync()).ShouldBe(0, "the refusal is said once");

        // A look-alike of a real address ("ſ" is a long s, which Identity's normalised look-up would take for "s"):
        // the provider vouches for a different address, so no account is found.
        var (lookalike, lookalikeProblems) = await StartAsync();
        await ThroughProviderAsync(lookalike, "dc\u017f@connect2luton.local");
        (await lookalike.Locator("#sign-in-problem").TextContentAsync()).ShouldNotBeNull().ShouldContain("cannot be matched to an account here");

        var (unverified, unverifiedProblems) = await StartAsync();
        await ThroughProviderAsync(unverified, "recruiter@connect2luton.local", verified: false);
        (await unverified.Locator("#sign-in-problem").TextContentAsync()).ShouldNotBeNull()
            .ShouldContain("did not give a verified email address");

        // Strangers typing wrong passwords lock the password, not the provider's sign-in.
        using var passwords = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = factory.ServerAddress, AllowAutoRedirect = false });
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var form = await passwords.GetPageAsync("/Account/SignIn");
            await passwords.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "admin@connect2luton.local", ["Input.Password"] = "not-the-password-at-all" }, "/Account/SignIn");
        }

        // An admin, where two-factor sign-in is required: the council's provider is their second factor, so they
        // go straight to their work, and the app's own password and authenticator pages are not offered.
        var (admin, adminProblems) = await StartAsync();
        await ThroughProviderAsync(admin, "Admin@Connect2Luton.local");
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await admin.Locator(".app-account").TextContentAsync()).ShouldNotBeNull().ShouldContain("Signed in as");
        (await admin.Locator("a[href='/Account/Password']").CountAsync()).ShouldBe(0);
        (await admin.GotoAsync("/Admin/Users"))!.Status.ShouldBe(200);
        new Uri(admin.Url).AbsolutePath.ShouldBe("/Admin/Users", "roles come from the app: the provider said nothing of them");
        (await Accessibility.SeriousViolationsAsync(admin)).ShouldBeEmpty();

        // A policy officer signs in, and an admin unlinks them (their identity at the provider was made again, say):
        // their session ends, and their next sign-in links afresh.
        var (officer, officerProblems) = await StartAsync();
        await ThroughProviderAsync(officer, "policy@connect2luton.local");
        await admin.GotoAsync("/Admin/Users");
        await admin.ClickAsync("main tr:has-text('policy@connect2luton.local') a");
        (await admin.Locator("#provider-link").TextContentAsync()).ShouldNotBeNull().ShouldContain("Signs in with Luton Council account");
        await admin.ClickAsync("#account-actions button:has-text('Unlink from Luton Council account')");
        (await admin.Locator(".govuk-notification-banner").TextContentAsync()).ShouldNotBeNull().ShouldContain("unlinked from Luton Council account");
        (await officer.GotoAsync("/Rules"))!.Url.ShouldContain("/Account/SignIn", Case.Sensitive, "their session ended");

        await admin.ClickAsync(".app-account button[type=submit]");
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/SignIn");
        (await admin.GotoAsync("/Admin/Users"))!.Url.ShouldContain("/Account/SignIn");
        // Signed out at the provider too: pressing the button again asks who they are.
        await admin.ClickAsync("#single-sign-on button");
        await admin.Locator("#email").WaitForAsync();
        factory.Provider.SignIns.ShouldBe(["no.account@luton.gov.example", "dc\u017f@connect2luton.local", "recruiter@connect2luton.local", "Admin@Connect2Luton.local", "policy@connect2luton.local"]);

        strangerProblems.Concat(lookalikeProblems).Concat(unverifiedProblems).Concat(adminProblems).Concat(officerProblems).ShouldBeEmpty("no script errors and nothing refused by the content security policy");
    }

    private async Task<(IPage Page, List<string> Problems)> StartAsync()
    {
        var context = await factory.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = factory.ServerAddress.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        // The provider's own pages (its missing favicon, say) are not the app's to answer for.
        var provider = factory.Provider.Authority.GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) => { if (message.Type == "error" && !message.Location.StartsWith(provider, StringComparison.Ordinal)) problems.Add($"{message.Location}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add(error);
        await page.GotoAsync("/Account/SignIn");
        return (page, problems);
    }

    private async Task ThroughProviderAsync(IPage page, string email, bool verified = true)
    {
        await page.ClickAsync("#single-sign-on button");
        await page.Locator("#email").WaitForAsync();
        await page.FillAsync("#email", email);
        if (!verified) await page.UncheckAsync("#verified");
        await page.ClickAsync("#provider-sign-in");
        // Back at the app, once the provider's answer has been taken in.
        var app = factory.ServerAddress.GetLeftPart(UriPartial.Authority);
        await page.WaitForURLAsync(url => url.StartsWith(app, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
