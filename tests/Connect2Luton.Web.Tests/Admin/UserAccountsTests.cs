using System.Net;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Admin;

/// <summary>
/// An admin brings someone in through the pages alone: an account, a link to set its password that works once, a
/// sign-in with it; and takes them out again, which ends their session at once.
/// </summary>
public sealed class UserAccountsTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string AdminEmail = "admin@connect2luton.local";

    [Fact]
    public async Task A_new_recruiter_sets_a_password_with_the_link_an_admin_hands_over_signs_in_and_is_shut_out_at_once_when_deactivated()
    {
        var admin = await factory.SignedInAsAsync(AdminEmail);
        var form = await admin.GetPageAsync("/Admin/Users/New");
        var refused = await Browsing.ParseAsync(await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "nadia", ["Input.Name"] = "", ["Input.Roles"] = "HiringManager" }));
        refused.Text("#Input_Email-error").ShouldContain("Enter an email address in the right form");
        refused.Text("#Input_Name-error").ShouldContain("Enter their name");
        refused.Text("#Input_ServiceAreaId-error").ShouldContain("Choose the service a hiring manager acts for");

        var created = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "nadia.khan@luton.gov.uk", ["Input.Name"] = "Nadia Khan", ["Input.Roles"] = "Recruiter" });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var accountPage = created.Headers.Location!.OriginalString;
        var account = await admin.GetPageAsync(accountPage);
        account.Text("#done").ShouldContain("Nadia Khan has an account");
        (await admin.GetPageAsync("/Admin/Users")).Text("#users").ShouldContain("nadia.khan@luton.gov.uk");

        var withLink = await Browsing.ParseAsync(await admin.SubmitAsync(account, new Dictionary<string, string>(), $"{accountPage}?handler=ResetLink"));
        var link = new Uri(withLink.QuerySelector("#reset-link-address")!.TextContent.Trim());
        var nadia = factory.CreateBrowser();
        var setting = await nadia.GetPageAsync(link.PathAndQuery);
        var weak = await Browsing.ParseAsync(await nadia.SubmitAsync(setting, new Dictionary<string, string> { ["Input.Password"] = "short", ["Input.Confirm"] = "short" }));
        weak.Text("#Input_Password-error").ShouldContain("at least 12 characters");
        var set = await nadia.SubmitAsync(setting, new Dictionary<string, string> { ["Input.Password"] = "Luton-Recruiter-2027!", ["Input.Confirm"] = "Luton-Recruiter-2027!" });
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect, await set.Content.ReadAsStringAsync());
        (await nadia.GetPageAsync(link.PathAndQuery)).Text("#link-unusable").ShouldContain("This link no longer works", Case.Sensitive, "a link sets a password once");

        var signedIn = await factory.SignedInAsAsync("nadia.khan@luton.gov.uk", "Luton-Recruiter-2027!");
        (await signedIn.GetAsync(new Uri("/Workers", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "a recruiter's page");
        (await admin.GetPageAsync("/Admin/Users")).QuerySelectorAll("#users tbody tr").Single(r => r.TextContent.Contains("nadia.khan@luton.gov.uk", StringComparison.Ordinal))
            .TextContent.ShouldNotContain("Never", Case.Sensitive, "her last sign-in is shown");

        account = await admin.GetPageAsync(accountPage);
        (await admin.SubmitAsync(account, new Dictionary<string, string>(), $"{accountPage}?handler=Deactivate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await signedIn.GetAsync(new Uri("/Workers", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect, "her session ended when she was deactivated");
        after.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        var again = factory.CreateBrowser();
        var signIn = await again.GetPageAsync("/Account/SignIn");
        (await again.SubmitAsync(signIn, new Dictionary<string, string> { ["Input.Email"] = "nadia.khan@luton.gov.uk", ["Input.Password"] = "Luton-Recruiter-2027!" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "refused: deactivated");
        (await admin.GetPageAsync(accountPage)).Text("#standing").ShouldContain("Deactivated");
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves_or_take_away_their_own_admin_role()
    {
        var admin = await factory.SignedInAsAsync(AdminEmail);
        var users = await admin.GetPageAsync("/Admin/Users");
        var mine = users.QuerySelectorAll("#users a").Single(a => a.TextContent == "Grace Adeyemi").GetAttribute("href")!;
        var page = await admin.GetPageAsync(mine);

        var deactivate = await Browsing.ParseAsync(await admin.SubmitAsync(page, new Dictionary<string, string>(), $"{mine}?handler=Deactivate"));
        deactivate.Text(".govuk-error-summary").ShouldContain("You cannot deactivate your own account");
        var demote = await Browsing.ParseAsync(await admin.SubmitAsync(page, new Dictionary<string, string> { ["Input.Roles"] = "Recruiter" }));
        demote.Text(".govuk-error-summary").ShouldContain("You cannot take away your own Admin role");
        (await admin.GetAsync(new Uri("/Admin", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "still an admin");
        (await admin.GetAsync(new Uri("/Admin/Users/%20", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a blank id is no account");
    }
}
