using System.Net;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Account;

/// <summary>A user changes their own password: their other sessions end, this one carries on.</summary>
public sealed class PasswordTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Officer = "policy@connect2luton.local";
    private const string NewPassword = "Luton-Town-1885!";

    [Fact]
    public async Task A_user_changes_their_password_and_their_other_sessions_end_while_this_one_carries_on()
    {
        var here = await factory.SignedInAsAsync(Officer);
        var elsewhere = await factory.SignedInAsAsync(Officer);
        var form = await here.GetPageAsync("/Account/Password");

        var wrong = await Browsing.ParseAsync(await here.SubmitAsync(form, Fields("not-my-password", NewPassword, NewPassword)));
        var weak = await Browsing.ParseAsync(await here.SubmitAsync(form, Fields(Browsing.DemoPassword, "short", "short")));
        var mismatched = await Browsing.ParseAsync(await here.SubmitAsync(form, Fields(Browsing.DemoPassword, NewPassword, NewPassword + "x")));
        wrong.Text("#Input_Current-error").ShouldBe("Error: Your current password is not right");
        weak.Text("#Input_New-error").ShouldContain("at least 12 characters long");
        mismatched.Text("#Input_Confirm-error").ShouldBe("Error: The passwords you entered do not match");
        (await elsewhere.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused change changes nothing");

        var changed = await here.SubmitAsync(form, Fields(Browsing.DemoPassword, NewPassword, NewPassword));

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await here.GetPageAsync("/Account/Password")).Text("#done").ShouldContain("Your password has been changed");
        (await here.GetAsync(new Uri("/Rules", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await elsewhere.GetAsync(new Uri("/Rules", UriKind.Relative))).Headers.Location!.PathAndQuery.ShouldStartWith("/Account/SignIn");
        await factory.SignedInAsAsync(Officer, NewPassword);
    }

    [Fact]
    public async Task Guessing_the_current_password_locks_the_account_and_ends_the_session_as_wrong_sign_ins_do()
    {
        const string recruiter = "recruiter@connect2luton.local";
        var session = await factory.SignedInAsAsync(recruiter);
        var form = await session.GetPageAsync("/Account/Password");

        for (var guess = 1; guess < 5; guess++)
        {
            var wrong = await Browsing.ParseAsync(await session.SubmitAsync(form, Fields($"guess-{guess}", NewPassword, NewPassword)));
            wrong.Text("#Input_Current-error").ShouldBe("Error: Your current password is not right");
        }
        var fifth = await session.SubmitAsync(form, Fields("guess-5", NewPassword, NewPassword));

        fifth.Headers.Location!.OriginalString.ShouldStartWith("/Account/SignIn");
        (await session.GetAsync(new Uri("/", UriKind.Relative))).Headers.Location!.PathAndQuery.ShouldStartWith("/Account/SignIn");
        var signIn = factory.CreateBrowser();
        var refused = await signIn.SubmitAsync(await signIn.GetPageAsync("/Account/SignIn"),
            new Dictionary<string, string> { ["Input.Email"] = recruiter, ["Input.Password"] = Browsing.DemoPassword });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "locked for 15 minutes, even with the right password");
    }

    private static Dictionary<string, string> Fields(string current, string next, string confirm) => new()
    {
        ["Input.Current"] = current, ["Input.New"] = next, ["Input.Confirm"] = confirm,
    };
}
