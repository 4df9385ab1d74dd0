using System.Net;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Account;

public sealed class AnonymousAccessTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    // The only pages anyone may see without signing in. A new page is private unless it is added here on purpose.
    // Setting a password with an admin's link is done before the account can sign in; the link's token is the key.
    private static readonly string[] PublicPages = ["/Account/SignIn", "/Account/SignOut", "/Account/AccessDenied", "/Account/ResetPassword", "/Account/SignInCode", "/Account/ExternalSignIn", "/Error", "/Status"];

    [Fact]
    public async Task Every_page_but_sign_in_sends_an_anonymous_visitor_to_sign_in()
    {
        var client = factory.CreateBrowser();
        var pages = Pages().ToList();
        pages.ShouldContain("/");

        foreach (var page in pages.Where(p => !PublicPages.Contains(p)))
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/SignIn?ReturnUrl=", customMessage: page);
        }
    }

    [Fact]
    public void The_pages_open_to_anonymous_visitors_are_exactly_the_public_ones()
    {
        var anonymous = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath.TrimStart('/'))
            .Distinct();

        anonymous.ShouldBe(PublicPages, ignoreOrder: true);
    }

    [Fact]
    public async Task Static_assets_and_health_need_no_sign_in()
    {
        var client = factory.CreateBrowser();

        (await client.GetAsync(new Uri("/css/app.css", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private IEnumerable<string> Pages() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .Where(p => !p.AttributeRouteInfo!.Template!.Contains('{', StringComparison.Ordinal))
            .Select(p => "/" + p.AttributeRouteInfo!.Template)
            .Distinct();
}
