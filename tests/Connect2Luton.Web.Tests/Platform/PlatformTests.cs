using System.Net;
using System.Text.Json;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Platform;

public sealed class PlatformTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task Health_reports_the_database_the_scheduler_and_the_rules()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("/health", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using var report = JsonDocument.Parse(body);
        report.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = report.RootElement.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("scheduler").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("rules").GetProperty("description").GetString().ShouldBe("5 rule sets serving");
    }

    [Fact]
    public async Task Pages_forbid_inline_script_framing_and_sniffing()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("/Account/SignIn", UriKind.Relative));

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        var page = await Browsing.ParseAsync(response);
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
    }

    [Fact]
    public async Task A_method_or_handler_no_page_takes_is_refused_and_never_renders_a_page_with_nothing_loaded()
    {
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        // Every page, with a record that exists where it needs one (the demo data numbers its records from 1).
        // The agency portal's pages are agency staff's alone, and a worker's own pages workers', so an admin is refused them before any handler is chosen.
        var addresses = (await AppHandlers.AllAsync(factory.Services))
            .Where(h => h is { Method: "GET", Name: null } && h.Template is not "/health" and not "/Error" && !h.Template.StartsWith("/Status", StringComparison.Ordinal)
                && !h.Template.StartsWith("/Agency", StringComparison.Ordinal) && !h.Template.StartsWith("/Me", StringComparison.Ordinal))
            .Select(h => h.Address(name => name switch { "name" => "pay-rate-caps", "step" => "Reject", _ => "1" }))
            .Distinct().ToList();
        addresses.Count.ShouldBeGreaterThan(20);

        // With a valid antiforgery token, so what refuses them is that no handler takes them.
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)(await admin.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string address) => await admin.SendAsync(new HttpRequestMessage(method, new Uri(address, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        });
        foreach (var address in addresses)
        {
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, new HttpMethod("BREW") })
            {
                using var response = await SendAsync(method, address);
                response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed, $"{method} {address}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        using var unknown = await SendAsync(HttpMethod.Put, "/Placements");
        (await Browsing.ParseAsync(unknown)).Text("h1").ShouldBe("That cannot be done on this page");
        // A handler name the page does not have, posted with a valid form, is not found.
        var placements = await admin.GetPageAsync("/Requisitions/1");
        (await admin.SubmitAsync(placements, new Dictionary<string, string>(), "/Requisitions/1?handler=Nonsense")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Nor does a page's plain handler answer for a name it does not have: a mistyped check must not save.
        var edit = await admin.GetPageAsync("/Workers/1/Edit");
        (await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Phone"] = "01582 546099" }, "/Workers/1/Edit?handler=Chek")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync(new Uri("/Workers?handler=Nope", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_address_shows_a_page_not_found_page()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Browsing.ParseAsync(response)).Text("h1").ShouldBe("Page not found");
    }

    [Fact]
    public async Task The_layout_uses_the_connect2luton_header_and_ships_no_gov_uk_font_or_crown()
    {
        var client = await factory.SignedInAsAsync("admin@connect2luton.local");

        var page = await client.GetPageAsync("/");
        var css = await client.GetStringAsync(new Uri("/css/app.css", UriKind.Relative));

        page.Text(".govuk-generic-header__homepage-link .app-header__logotype").ShouldBe("Connect2Luton");
        page.QuerySelector(".govuk-header__crown, svg.govuk-header__logotype").ShouldBeNull();
        page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ShouldContain("Dashboard");
        css.ShouldNotContain("GDS Transport");
        css.ShouldNotContain("@font-face");
    }
}
