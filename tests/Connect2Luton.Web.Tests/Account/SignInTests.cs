using System.Net;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Account;

public sealed class SignInTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Theory]
    [InlineData("recruiter@connect2luton.local", "Amira Hussain")]
    [InlineData("manager@connect2luton.local", null)]
    [InlineData("policy@connect2luton.local", "Tom Fletcher")]
    [InlineData("admin@connect2luton.local", "Grace Adeyemi")]
    public async Task Each_demo_user_signs_in_and_lands_on_the_dashboard(string email, string? displayName)
    {
        var client = await factory.SignedInAsAsync(email);

        var dashboard = await client.GetPageAsync("/");

        dashboard.Text("h1").ShouldBe("Dashboard");
        var account = dashboard.Text(".app-account");
        account.ShouldStartWith("Signed in as");
        if (displayName is not null) account.ShouldContain(displayName);
    }

    [Fact]
    public async Task A_field_name_no_form_writes_is_ignored_not_a_server_error()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        // "a[" is what a jQuery-style reader fails on; anyone can post it.
        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = "recruiter@connect2luton.local", ["Input.Password"] = "not-the-password", ["a["] = "1", ["Input[Email"] = "x",
        });
        var query = await client.GetAsync(new Uri("/Account/SignIn?a[=1&b]]=2", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browsing.ParseAsync(response)).Text("#Input_Email-error").ShouldBe("Error: Enter a correct email address and password");
        query.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_message_at_the_field_and_no_sign_in()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = "recruiter@connect2luton.local",
            ["Input.Password"] = "not-the-password",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Browsing.ParseAsync(response);
        result.Title.ShouldBe("Error: Sign in – Connect2Luton");
        result.Text(".govuk-error-summary a[href='#Input_Email']").ShouldBe("Enter a correct email address and password");
        result.Text("#Input_Email-error").ShouldBe("Error: Enter a correct email address and password");
        result.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe("recruiter@connect2luton.local");
        result.QuerySelector("#Input_Password")!.HasAttribute("value").ShouldBeFalse();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("", "", "Enter your email address", "Enter your password")]
    [InlineData("not-an-email", "x", "Enter an email address in the correct format, like name@example.com", null)]
    [InlineData("<script>alert(1)</script>@x.com", "x", "Enter an email address in the correct format, like name@example.com", null)]
    public async Task Missing_or_malformed_details_are_explained_next_to_each_field(string email, string password, string emailError, string? passwordError)
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Browsing.ParseAsync(response);
        result.Text("#Input_Email-error").ShouldBe($"Error: {emailError}");
        if (passwordError is not null) result.Text("#Input_Password-error").ShouldBe($"Error: {passwordError}");
        result.QuerySelector("script:not([src])").ShouldBeNull();
    }

    [Fact]
    public async Task An_overlong_email_address_is_refused_at_the_field()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = new string('a', 300) + "@example.org", ["Input.Password"] = "x" });

        var result = await Browsing.ParseAsync(response);
        result.QuerySelector("#Input_Email-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_sign_in_posted_without_the_antiforgery_token_is_refused()
    {
        var client = factory.CreateBrowser();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@connect2luton.local",
            ["Input.Password"] = Browsing.DemoPassword,
        });

        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_but_never_to_another_site()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = "recruiter@connect2luton.local",
            ["Input.Password"] = Browsing.DemoPassword,
        });

        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var dashboard = await client.GetPageAsync("/");

        var response = await client.SubmitAsync(dashboard, new Dictionary<string, string>(), "/Account/SignOut");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetAsync(new Uri("/", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/SignIn");
    }
}
